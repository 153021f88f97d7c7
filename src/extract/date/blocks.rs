//! The parts of a web page that hold other content than the article: comment threads,
//! "related articles" teasers and sidebars.
//!
//! Exists because the dates printed there belong to comments or to other articles, yet they
//! sit in elements styled exactly like the article's own byline (`<span class="post-date">`
//! in a teaser list, `<time class="entry-date">` under a comment). A tag list is enough to
//! find these blocks: containers are matched open-to-close with a stack, which tolerates
//! unclosed inner elements.

use crate::markup::Tag;

/// Container elements whose open and close tags are matched; inline elements are ignored
/// because broken markup leaves them unclosed far more often.
const CONTAINERS: &[&str] = &[
    "div", "section", "aside", "ul", "ol", "article", "nav", "form", "footer", "header", "main",
];

/// Parts of a `class`/`id` (split at whitespace, `-` and `_`) that name a side block.
/// `widget` is not one: Blogger wraps the post itself in `<div class="widget Blog">`.
const SIDE: &[&str] = &[
    "comment",
    "comments",
    "kommentar",
    "kommentare",
    "commentaires",
    "related",
    "sidebar",
    "recommended",
    "recommendations",
    "empfehlungen",
    "similar",
    "popular",
    "trending",
    "mostread",
];

/// Byte ranges (half-open: `<` of the opening tag to the end of the closing tag, or
/// `usize::MAX` when unclosed) of the side blocks of a page: containers whose `class` or `id`
/// names comments, related articles or a sidebar (`SIDE`), except those that contain the
/// page's first `<h1>` (a wrapper called `has-sidebar` holds the article itself). `tags`
/// must come from [`crate::markup::scan_tags`].
pub fn side_blocks(tags: &[Tag]) -> Vec<(usize, usize)> {
    let h1 = tags
        .iter()
        .find(|t| t.name == "h1" && !t.closing)
        .map(|t| t.start);
    let mut stack: Vec<(&str, usize, bool)> = Vec::new();
    let mut out = Vec::new();
    for t in tags
        .iter()
        .filter(|t| CONTAINERS.contains(&t.name.as_str()))
    {
        if !t.closing {
            stack.push((t.name.as_str(), t.start, names(t, SIDE)));
            continue;
        }
        // Close the innermost open element of this name and everything left open inside it.
        let Some(i) = stack.iter().rposition(|(n, _, _)| *n == t.name) else {
            continue;
        };
        for (_, start, side) in stack.drain(i..) {
            if side {
                out.push((start, t.end));
            }
        }
    }
    out.extend(
        stack
            .into_iter()
            .filter(|(_, _, side)| *side)
            .map(|(_, start, _)| (start, usize::MAX)),
    );
    out.retain(|(s, e)| h1.is_none_or(|h| !(*s <= h && h < *e)));
    out
}

/// True when byte offset `pos` lies inside one of `blocks` ([`side_blocks`]).
pub fn inside(blocks: &[(usize, usize)], pos: usize) -> bool {
    blocks.iter().any(|(s, e)| *s <= pos && pos < *e)
}

/// True when the `<h1>` at `tags[i]` is the site's logo, not an article title: its
/// class/id, or that of the link right inside it, names a logo, or that link goes to `/`.
/// False when `i` is out of range.
pub fn is_logo_h1(tags: &[Tag], i: usize) -> bool {
    let logo = |t: &Tag| names(t, &["logo", "menulogo", "brand"]) || t.attr("href") == Some("/");
    tags.get(i).is_some_and(logo) || tags.get(i + 1).is_some_and(|n| n.name == "a" && logo(n))
}

/// True when a part of `t`'s `class` or `id` (split at whitespace, `-` and `_`) is in `words`.
fn names(t: &Tag, words: &[&str]) -> bool {
    ["class", "id"]
        .iter()
        .filter_map(|k| t.attr(k))
        .flat_map(|v| v.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .any(|part| words.contains(&part.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::scan_tags;

    #[test]
    fn comment_and_teaser_blocks_but_not_the_article_wrapper() {
        let h = r#"<div class="page has-sidebar"><h1>Fähre fällt aus</h1>
            <p class="date">4. März 2023</p>
            <ul class="related-posts"><li><span class="post-date">1.2.2023</span></li></ul>
            <div id="comments"><div><p>Gut!</p><span class="date">5.3.2023</span></div></div>
            </div><aside class="sidebar-right"><div>2.2.2023</div>"#;
        let tags = scan_tags(h);
        let b = side_blocks(&tags);
        let at = |s: &str| h.find(s).unwrap();
        assert!(!inside(&b, at("4. März")));
        assert!(inside(&b, at("1.2.2023")));
        assert!(inside(&b, at("5.3.2023")));
        assert!(inside(&b, at("2.2.2023")));
        assert!(!inside(&b, at("Fähre")));
    }

    #[test]
    fn logo_headings() {
        let h = r#"<h1><a href="/" class="home">Bote</a></h1><h1 class="site-logo">Bote</h1>
            <h1><a href="/2022/05/deich">Deich hält</a></h1><h1>Deich hält</h1>"#;
        let tags = scan_tags(h);
        let logos: Vec<bool> = (0..tags.len())
            .filter(|&i| tags[i].name == "h1" && !tags[i].closing)
            .map(|i| is_logo_h1(&tags, i))
            .collect();
        assert_eq!(logos, [true, true, false, false]);
        assert!(!is_logo_h1(&tags, 999));
    }
}
