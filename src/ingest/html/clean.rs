//! Text post-pass of main-text extraction: boilerplate lines that survive Readability.
//!
//! Readability keeps whole containers, so short chrome inside the article container gets through:
//! "Advertisement" slots, share prompts, bylines and time stamps (the benchmark's ground truth,
//! like a reader, wants neither), copyright lines, and "You may also like" lists at the end.
//! Every rule here was kept only if it raised F1 on the Zyte benchmark (`eval.rs`).

use super::text::{collapse_ws, normalize_paragraphs};

/// Whole-paragraph boilerplate (lower-cased, trailing punctuation stripped).
#[rustfmt::skip]
const BOILERPLATE_LINES: &[&str] = &[
    "advertisement",
    "advertisements",
    "ad",
    "sponsored",
    "sponsored content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "comments",
    "read more",
    "related",
    "related articles",
    "related stories",
    "most read",
    "most popular",
    "trending",
    "continue reading",
    "continue reading below",
    "story continues below advertisement",
    "article continues below",
    "skip advertisement",
    "scroll to continue with content",
    "click here",
    "subscribe",
    "sign up",
    "follow us",
    "loading",
    "loading...",
    "image",
    "advert",
    "tags",
    "this slideshow requires javascript",
    "tell us what you think",
    "photo",
    "caption",
    "close",
    "by",
    "order reprints",
    "print article",
    "text size",
    "story saved",
];

/// Phrases of the prompts news sites put inside the article's container (newsletters, apps,
/// bookmarks, reader groups), which mark a paragraph of up to 60 words as chrome. Reach plc's
/// pages (Manchester Evening News, Birmingham Mail, Daily Record, WalesOnline, Belfast Live)
/// ended their text with them, and "Story Saved" was a person on four of them.
#[rustfmt::skip]
const PROMPT_PHRASES: &[&str] = &[
    "sign up to our",
    "sign up for our",
    "our daily newsletter",
    "scan the qr code",
    "by clicking here",
    "click this link",
    "homepage here",
    "in my bookmarks",
    "read our privacy notice",
    "leave our community",
    "our community members",
    "top stories here",
    "whatsapp community",
    "'join community'",
    "who is signed up",
    "receive daily updates on",
];

/// Headings after which the rest of the text is lists of other stories: the text is cut there
/// when the heading comes after at least half of it.
#[rustfmt::skip]
const TAIL_MARKERS: &[&str] = &[
    "you may also like",
    "you might also like",
    "related stories",
    "related articles",
    "recommended for you",
    "more stories",
    "most read",
    "trending now",
];

/// Paragraph prefixes that mark boilerplate when the paragraph is short (≤ 25 words).
#[rustfmt::skip]
const BOILERPLATE_PREFIXES: &[&str] = &[
    "sign up for",
    "subscribe to",
    "follow us on",
    "read more:",
    "related:",
    "see also:",
    "click here to",
    "copyright ©",
    "© copyright",
    "all rights reserved",
    "this article was originally",
    "we use cookies",
    "this site uses cookies",
    "by continuing to use",
    "have a news tip",
];

/// Normalizes whitespace and drops boilerplate paragraphs and lines.
pub fn clean_paragraphs(text: &str) -> String {
    let mut normalized = normalize_paragraphs(text);
    let half = normalized.len() / 2;
    let cut = normalized
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .filter(|&i| i >= half)
        .find(|&i| {
            let line = normalized[i..].lines().next().unwrap_or("").to_lowercase();
            let key = line.trim_end_matches(['.', ':', '…', ' ']);
            TAIL_MARKERS.contains(&key)
        });
    if let Some(i) = cut {
        normalized.truncate(i);
    }
    let mut kept: Vec<String> = Vec::new();
    for para in normalized.split("\n\n") {
        let lines: Vec<&str> = para.lines().filter(|l| !is_boilerplate(l)).collect();
        if !lines.is_empty() {
            kept.push(lines.join("\n"));
        }
    }
    kept.join("\n\n")
}

fn is_boilerplate(line: &str) -> bool {
    let lower = collapse_ws(line).to_lowercase();
    let key = lower.trim_end_matches(['.', ':', '!', '…', ' ', '>', '»', '›']);
    if BOILERPLATE_LINES.contains(&key) {
        return true;
    }
    let words = lower.split_whitespace().count();
    if words <= 25 && BOILERPLATE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    if words <= 30 && lower.contains('©') {
        return true;
    }
    if words <= 60 && PROMPT_PHRASES.iter().any(|p| lower.contains(p)) {
        return true;
    }
    words <= 12
        && (is_byline(line)
            || is_timestamp(&lower)
            || is_gallery_counter(&lower)
            || is_wire_credit(line))
}

/// "Image 1 of / 8", "Photo 3 of 12", "1 of 5": a photo gallery's counter.
fn is_gallery_counter(lower: &str) -> bool {
    let rest = ["image ", "photo ", "slide ", "picture "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(lower);
    let words: Vec<&str> = rest.split_whitespace().filter(|w| *w != "/").collect();
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    matches!(words.as_slice(), [a, "of", b] if number(a) && number(b))
}

/// A wire byline without "By": names, a comma and the agency or a desk title, "Robert Burns,
/// AP National Security Writer", "Meg Kinnard and Errin Haines, Associated Press" (AP pages of
/// the Zyte benchmark).
fn is_wire_credit(line: &str) -> bool {
    let Some((names, credit)) = line.trim().rsplit_once(", ") else {
        return false;
    };
    let names_ok = names
        .split_whitespace()
        .all(|w| w == "and" || w.starts_with(char::is_uppercase));
    let credit = credit.to_lowercase();
    let agency = [
        "ap ",
        "associated press",
        "the associated press",
        "reuters",
        "afp",
    ]
    .iter()
    .any(|a| credit.starts_with(a) || credit == a.trim());
    let desk = ["writer", "correspondent", "reporter", "editor"]
        .iter()
        .any(|t| credit.ends_with(t));
    names_ok && (agency || (desk && credit.split_whitespace().count() <= 5))
}

/// "By Jane Doe", "By Jane Doe - 11/18/19 11:04 PM": a capitalized name after "By", no sentence end.
fn is_byline(line: &str) -> bool {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
        .or_else(|| line.strip_prefix("by "));
    rest.is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase))
        && !line.ends_with(['.', '!', '?', '"', '”'])
}

/// "Updated 5:27 am CST", "Published: 10:48, Tue, Nov 19, 2019": a time-stamp label and a digit.
fn is_timestamp(lower: &str) -> bool {
    let lower = lower.trim_start_matches(['|', ' ']);
    [
        "updated",
        "published",
        "posted",
        "last updated",
        "first published",
        "last modified",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        && lower.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_lines() {
        assert!(is_boilerplate("ADVERTISEMENT"));
        assert!(is_boilerplate("Sign up for our daily briefing"));
        assert!(!is_boilerplate("Sign up for the marathon closed at noon, organizers said, after a record number of runners registered in the first hour of the draw, which took place online and in person at the town hall on Friday."));
        assert_eq!(
            clean_paragraphs("A story.\n\nRead more\n\nShare this article\nEnd."),
            "A story.\n\nEnd."
        );
    }

    #[test]
    fn site_prompts_in_the_article_container() {
        let page = "The harbour reopened on Friday after the storm.\n\n\
                    Try Harbour Post Premium for free by clicking here for no ads and puzzles.\n\n\
                    Click this link or scan the QR code to receive breaking news and top stories \
                    from the Harbour Post. We also treat our community members to special offers, \
                    promotions and adverts from us and our partners.\n\n\
                    Story Saved\n\n\
                    You can find this story in My Bookmarks. Or by navigating to the user icon.";
        assert_eq!(
            clean_paragraphs(page),
            "The harbour reopened on Friday after the storm."
        );
        // A reporter's sentence that happens to hold a phrase is longer than a prompt.
        let long = format!(
            "{} sign up to our scheme, the mayor said.",
            "Residents who ".repeat(30)
        );
        assert!(!is_boilerplate(&long));
    }

    #[test]
    fn bylines_timestamps_copyright() {
        assert!(is_boilerplate("By Mara Quinn - 11/18/19 11:04 PM EST"));
        assert!(!is_boilerplate("By noon, the river had risen two metres."));
        assert!(is_boilerplate("| UPDATED: 11:05, Tue, Nov 19, 2019"));
        assert!(!is_boilerplate("Updated figures will follow next week."));
        assert!(is_boilerplate("© 2024 Hill Post Media Ltd"));
        for chrome in [
            "Image 1 of / 8",
            "Photo 3 of 12",
            "2 of 5",
            "Robert Burns, Ap National Security Writer",
            "Meg Kinnard and Errin Haines, Associated Press",
            "Ana Ruiz, Staff Writer",
            "By",
            "Order Reprints",
        ] {
            assert!(is_boilerplate(chrome), "{chrome}");
        }
        for text in [
            "Two of five ferries ran.",
            "Image of the week",
            "Lisbon, Portugal",
            "The mayor, a former reporter",
            "Ana Ruiz, who led the AP team, said the talks failed.",
        ] {
            assert!(!is_boilerplate(text), "{text}");
        }
    }

    #[test]
    fn cuts_trailing_story_lists() {
        let text = "First paragraph of a long enough story about the harbour.\n\nSecond paragraph.\n\nYou may also like...\nBoats for sale\nHarbour fees rise";
        assert_eq!(
            clean_paragraphs(text),
            "First paragraph of a long enough story about the harbour.\n\nSecond paragraph."
        );
        // Too early in the text to be the tail: nothing is cut, only the marker line itself goes.
        let early = "Most read\nA very long first paragraph that goes on about the council budget.";
        assert_eq!(
            clean_paragraphs(early),
            "A very long first paragraph that goes on about the council budget."
        );
    }
}
