//! Facets: the most frequent people, places and organizations across **all** hits of a query.
//!
//! Counts are document counts (a name mentioned ten times in one article counts once). They
//! come from the exact-value fast fields, whose columns hold each article's display names once
//! per article, so counting costs one column read per hit and never touches stored documents.

use crate::index::schema::exact_key;
use serde::Serialize;
use std::collections::HashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// One facet value and the number of hits that carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// Display name.
    pub name: String,
    /// Number of hits (documents) with this value.
    pub count: u64,
}

/// Top values per entity field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    /// Top people.
    pub people: Vec<FacetCount>,
    /// Top places (countries of named cities included).
    pub places: Vec<FacetCount>,
    /// Top organizations.
    pub organizations: Vec<FacetCount>,
}

/// Sums per-segment counts and keeps the `limit` most frequent values, most frequent first,
/// ties broken by name. Spellings of one exact key ("Fed", "FED", "F.E.D."; see [`exact_key`]) count
/// as one value shown in its most frequent spelling: an article holds one spelling per key, so
/// the sum is still the number of articles naming it. (A filter such as `--org Fed` also finds
/// the word inside longer names, "New York Fed".)
pub fn top_values(fruits: Vec<HashMap<String, u64>>, limit: usize) -> Vec<FacetCount> {
    let mut total: HashMap<String, u64> = HashMap::new();
    for fruit in fruits {
        for (name, count) in fruit {
            *total.entry(name).or_default() += count;
        }
    }
    // Per key: documents in all, and the most frequent spelling (first by name on ties).
    let mut by_key: HashMap<String, (u64, FacetCount)> = HashMap::new();
    for (name, count) in total {
        let slot = by_key.entry(exact_key(&name)).or_insert_with(|| {
            (
                0,
                FacetCount {
                    name: name.clone(),
                    count,
                },
            )
        });
        slot.0 += count;
        let shown = &slot.1;
        if count > shown.count || (count == shown.count && name < shown.name) {
            slot.1 = FacetCount { name, count };
        }
    }
    let mut out: Vec<FacetCount> = by_key
        .into_values()
        .map(|(count, shown)| FacetCount {
            name: shown.name,
            count,
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    out.truncate(limit);
    out
}

/// Counts values of one fast text field over all matching documents, keeping the top `limit`
/// (ties broken by name, so output is stable).
pub struct FacetCollector {
    field: String,
    limit: usize,
}

impl FacetCollector {
    /// A collector for `field` (an exact-value field name: `person`, `place`, `org`).
    pub fn new(field: &str, limit: usize) -> FacetCollector {
        FacetCollector {
            field: field.to_string(),
            limit,
        }
    }
}

/// Per-segment state of [`FacetCollector`].
pub struct FacetSegment {
    column: Option<StrColumn>,
    counts: Vec<u64>,
}

impl SegmentCollector for FacetSegment {
    type Fruit = HashMap<String, u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(col) = &self.column {
            for ord in col.term_ords(doc) {
                if let Some(c) = self.counts.get_mut(ord as usize) {
                    *c += 1;
                }
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut out = HashMap::new();
        let Some(col) = self.column else { return out };
        let mut name = String::new();
        for (ord, &count) in self.counts.iter().enumerate() {
            if count > 0 && col.ord_to_str(ord as u64, &mut name).unwrap_or(false) {
                out.insert(name.clone(), count);
            }
        }
        out
    }
}

impl Collector for FacetCollector {
    type Fruit = Vec<FacetCount>;
    type Child = FacetSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<FacetSegment> {
        let column = segment.fast_fields().str(&self.field)?;
        let counts = vec![0; column.as_ref().map_or(0, |c| c.num_terms())];
        Ok(FacetSegment { column, counts })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<HashMap<String, u64>>) -> tantivy::Result<Vec<FacetCount>> {
        Ok(top_values(fruits, self.limit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fruit(pairs: &[(&str, u64)]) -> HashMap<String, u64> {
        pairs.iter().map(|&(n, c)| (n.to_string(), c)).collect()
    }

    #[test]
    fn spellings_of_one_key_count_as_one_value() {
        let segments = vec![
            fruit(&[("Fed", 120), ("FED", 70), ("Treasury", 100)]),
            fruit(&[("Fed", 80), ("FED", 60), ("São Paulo", 3), ("SAO PAULO", 4)]),
        ];
        let top = top_values(segments, 10);
        let pairs: Vec<(&str, u64)> = top.iter().map(|f| (f.name.as_str(), f.count)).collect();
        assert_eq!(
            pairs,
            [("Fed", 330), ("Treasury", 100), ("SAO PAULO", 7)],
            "the most frequent spelling is shown, counts are summed"
        );
        assert_eq!(
            top_values(vec![fruit(&[("A", 1), ("B", 1)])], 1)[0].name,
            "A"
        );
    }
}
