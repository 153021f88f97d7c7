//! The BILOU tag set (Ratinov & Roth 2009) over the four CoNLL entity types, the transitions a
//! well-formed BILOU sequence allows, and conversion between tags and entity spans.

use crate::article::EntityKind;

/// Number of entity types (PER, LOC, ORG, MISC, in that order).
pub(crate) const NUM_TYPES: usize = 4;
/// Number of tags: `O` plus B, I, L, U for each type.
pub(crate) const NUM_TAGS: usize = 1 + 4 * NUM_TYPES;
/// The outside tag.
pub(crate) const O: u8 = 0;

/// Position of a token inside an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pos {
    /// First token of a multi-token entity.
    B = 0,
    /// Inner token.
    I = 1,
    /// Last token of a multi-token entity.
    L = 2,
    /// Single-token entity.
    U = 3,
}

/// CoNLL type name of type index `t` (0..4).
pub(crate) fn type_name(t: usize) -> &'static str {
    ["PER", "LOC", "ORG", "MISC"][t.min(3)]
}

/// Type index of a CoNLL type name, if known.
pub(crate) fn type_index(name: &str) -> Option<usize> {
    match name {
        "PER" => Some(0),
        "LOC" => Some(1),
        "ORG" => Some(2),
        "MISC" => Some(3),
        _ => None,
    }
}

/// The article-model kind of type index `t`.
pub(crate) fn kind_of(t: usize) -> EntityKind {
    match t {
        0 => EntityKind::Person,
        1 => EntityKind::Place,
        2 => EntityKind::Org,
        _ => EntityKind::Misc,
    }
}

/// The tag for type `t` at position `p`.
#[inline]
pub(crate) fn tag(t: usize, p: Pos) -> u8 {
    (1 + 4 * t + p as usize) as u8
}

/// Type and position of a non-O tag.
#[inline]
pub(crate) fn split(tag: u8) -> Option<(usize, Pos)> {
    if tag == O || tag as usize >= NUM_TAGS {
        return None;
    }
    let k = tag as usize - 1;
    let p = match k % 4 {
        0 => Pos::B,
        1 => Pos::I,
        2 => Pos::L,
        _ => Pos::U,
    };
    Some((k / 4, p))
}

/// Bit mask of the tags allowed after `prev` in a well-formed BILOU sequence (bit i = tag i).
#[inline]
pub(crate) fn allowed_after(prev: u8) -> u32 {
    match split(prev) {
        Some((t, Pos::B)) | Some((t, Pos::I)) => (1 << tag(t, Pos::I)) | (1 << tag(t, Pos::L)),
        _ => {
            let mut m = 1u32 << O;
            for t in 0..NUM_TYPES {
                m |= (1 << tag(t, Pos::B)) | (1 << tag(t, Pos::U));
            }
            m
        }
    }
}

/// An entity as a half-open range of token indices with a type index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Span {
    /// First token, inclusive.
    pub start: usize,
    /// Last token, exclusive.
    pub end: usize,
    /// Type index (0 PER, 1 LOC, 2 ORG, 3 MISC).
    pub ty: usize,
}

/// Decodes BILOU tags into spans; tolerant of ill-formed sequences (an unfinished B/I run is
/// closed at its last token, a stray I/L starts a new span).
pub(crate) fn spans_from_tags(tags: &[u8], out: &mut Vec<Span>) {
    let mut open: Option<(usize, usize)> = None;
    for (i, &tg) in tags.iter().enumerate() {
        let cur = split(tg);
        if let Some((s, t)) = open {
            let continues = matches!(cur, Some((t2, Pos::I | Pos::L)) if t2 == t);
            if !continues {
                out.push(Span {
                    start: s,
                    end: i,
                    ty: t,
                });
                open = None;
            }
        }
        match cur {
            Some((t, Pos::U)) => out.push(Span {
                start: i,
                end: i + 1,
                ty: t,
            }),
            Some((t, Pos::B)) => open = Some((i, t)),
            Some((t, Pos::I)) if open.is_none() => open = Some((i, t)),
            Some((_, Pos::I)) => {}
            Some((t, Pos::L)) => {
                let s = open.map_or(i, |(s, _)| s);
                out.push(Span {
                    start: s,
                    end: i + 1,
                    ty: t,
                });
                open = None;
            }
            None => {}
        }
    }
    if let Some((s, t)) = open {
        out.push(Span {
            start: s,
            end: tags.len(),
            ty: t,
        });
    }
}

/// Encodes spans as BILOU tags over `n` tokens (later spans overwrite overlapping earlier ones).
pub(crate) fn tags_from_spans(spans: &[Span], n: usize) -> Vec<u8> {
    let mut tags = vec![O; n];
    for sp in spans {
        if sp.end <= sp.start || sp.end > n {
            continue;
        }
        if sp.end - sp.start == 1 {
            tags[sp.start] = tag(sp.ty, Pos::U);
        } else {
            tags[sp.start] = tag(sp.ty, Pos::B);
            for t in &mut tags[sp.start + 1..sp.end - 1] {
                *t = tag(sp.ty, Pos::I);
            }
            tags[sp.end - 1] = tag(sp.ty, Pos::L);
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_spans_through_bilou() {
        let spans = vec![
            Span {
                start: 0,
                end: 2,
                ty: 0,
            },
            Span {
                start: 3,
                end: 4,
                ty: 1,
            },
            Span {
                start: 4,
                end: 7,
                ty: 2,
            },
        ];
        let tags = tags_from_spans(&spans, 8);
        assert_eq!(tags[0], tag(0, Pos::B));
        assert_eq!(tags[5], tag(2, Pos::I));
        let mut back = Vec::new();
        spans_from_tags(&tags, &mut back);
        assert_eq!(back, spans);
    }

    #[test]
    fn ill_formed_runs_are_closed() {
        let tags = [tag(1, Pos::B), tag(1, Pos::I), O, tag(0, Pos::I)];
        let mut out = Vec::new();
        spans_from_tags(&tags, &mut out);
        assert_eq!(
            out,
            vec![
                Span {
                    start: 0,
                    end: 2,
                    ty: 1
                },
                Span {
                    start: 3,
                    end: 4,
                    ty: 0
                }
            ]
        );
    }

    #[test]
    fn transitions_inside_an_entity_are_restricted() {
        let m = allowed_after(tag(2, Pos::B));
        assert_eq!(m.count_ones(), 2);
        assert!(m & (1 << tag(2, Pos::L)) != 0);
        assert_eq!(allowed_after(O).count_ones(), 9);
    }
}
