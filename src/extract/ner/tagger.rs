//! Sentence preparation (descriptors, headline truecasing, gazetteer codes), greedy
//! left-to-right BILOU decoding as training runs it (Ratinov & Roth 2009), the per-document
//! prediction memory, and the public [`Recognizer`]. Inference decodes with the same features
//! and scores through the faster path in `document.rs`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use crate::article::Mention;

use super::clusters::Clusters;
use super::document::DocScratch;
use super::features::{
    sentence_case, static_features, tag_features, token_info, token_info_with, TokenInfo,
    F_ALL_CAPS, F_FUNCTION, F_INIT_CAP, F_INIT_LOWER, F_PARTICLE, PARTICLES,
};
use super::gazetteer::{GazCodes, Gazetteer};
use super::labels::{
    allowed_after, kind_of, spans_from_tags, split, Pos, Span, NUM_TAGS, NUM_TYPES, O,
};
use super::model::{decode, encode, Scores, Weights};
use super::tokenize::{tokenize, Token};
use super::NerError;

/// Pass-through hasher for keys that are already hashes.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b) ^ (self.0 >> 56);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
    fn write_u32(&mut self, v: u32) {
        self.0 = u64::from(v).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// Map keyed by pre-hashed values.
pub(crate) type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// Entity types that capitalized words received earlier in the current document.
#[derive(Debug, Default)]
pub(crate) struct DocMemory {
    /// Per lowercased word: counts per type of single-token spans, then of multi-token spans.
    seen: IdMap<u64, [u16; 2 * NUM_TYPES]>,
    /// Training only: xorshift state for hiding the history at random (0 = never hide), so the
    /// model does not learn to trust its near-perfect training-time history blindly.
    pub(crate) drop_state: u64,
    /// Hide the history when the random draw is below this fraction of `u64::MAX`.
    pub(crate) drop_rate: f64,
    /// Second pass: the memory holds the whole document's first-pass labels and is not updated.
    pub(crate) frozen: bool,
}

impl DocMemory {
    /// Forgets everything (document boundary).
    pub(crate) fn clear(&mut self) {
        self.frozen = false;
        // Clearing writes every slot's control byte: once a long document has grown the
        // table, a fresh one of a usual document's size costs less than wiping the big one
        // for every short document after it.
        const USUAL: usize = 128;
        if self.seen.capacity() > 4 * USUAL {
            self.seen = IdMap::with_capacity_and_hasher(USUAL, Default::default());
        } else {
            self.seen.clear();
        }
    }

    /// 0, or 1 + the type this word most often had.
    pub(crate) fn lookup(&mut self, t: &TokenInfo) -> u8 {
        self.lookup_raw(t.lower, t.flags & F_INIT_CAP != 0)
    }

    /// [`DocMemory::lookup`] from a word's lowercase hash and whether it is capitalized.
    pub(crate) fn lookup_raw(&mut self, lower: u64, capitalized: bool) -> u8 {
        if !capitalized {
            return 0;
        }
        if self.drop_state != 0 {
            let x = &mut self.drop_state;
            *x ^= *x << 13;
            *x ^= *x >> 7;
            *x ^= *x << 17;
            if (*x as f64) < self.drop_rate * u64::MAX as f64 {
                return 0;
            }
        }
        // 1 + majority type, + 4 if the word was ever part of a multi-token entity (a full
        // name is stronger evidence than an earlier single-word guess).
        self.seen.get(&lower).map_or(0, |c| {
            let total = |k: usize| c[k] + c[k + NUM_TYPES];
            let best = (0..NUM_TYPES)
                .max_by_key(|&k| (total(k), NUM_TYPES - k))
                .unwrap_or(0);
            let multi = c[NUM_TYPES..].iter().any(|&x| x > 0);
            1 + best as u8 + if multi { NUM_TYPES as u8 } else { 0 }
        })
    }

    pub(crate) fn record(&mut self, infos: &[TokenInfo], spans: &[Span]) {
        if self.frozen {
            return;
        }
        for sp in spans {
            for t in &infos[sp.start..sp.end] {
                if t.flags & F_INIT_CAP != 0 {
                    let c = self.seen.entry(t.lower).or_default();
                    let k = sp.ty + if sp.end - sp.start > 1 { NUM_TYPES } else { 0 };
                    c[k] = c[k].saturating_add(1);
                }
            }
        }
    }
}

/// Reusable buffers for one decoding thread.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// Token descriptors of the last prepared sentence.
    pub(crate) infos: Vec<TokenInfo>,
    /// Gazetteer codes of the last prepared sentence.
    pub(crate) gaz: Vec<GazCodes>,
    /// Per token of the last prepared sentence: lowercased as part of a Title Case headline.
    pub(crate) truecased: Vec<bool>,
    hist: Vec<u8>,
    feats: Vec<u32>,
    /// Tags of the last decoded sentence.
    pub tags: Vec<u8>,
    /// Spans of the last decoded sentence.
    pub spans: Vec<Span>,
}

/// Token descriptors, cluster ids and gazetteer codes of a sentence; returns its case class.
/// `inference` as in [`truecase_and_mark`].
pub(crate) fn prepare(
    gaz: &Gazetteer,
    clusters: &Clusters,
    words: &[&str],
    sc: &mut Scratch,
    inference: bool,
) -> u64 {
    sc.infos.clear();
    sc.infos
        .extend(words.iter().map(|w| with_clusters(clusters, token_info(w))));
    truecase_and_mark(gaz, clusters, words, sc, inference)
}

/// The second half of [`prepare`], given `sc.infos` as [`token_info`] plus clusters computes
/// them: truecases Title Case headlines (setting `sc.truecased[i]` for each changed token),
/// marks gazetteer matches and returns the sentence's case class. At `inference`, a word
/// inside a known multi-word name keeps its capital ("New" in "Key New York Primary");
/// training leaves that rule out so that the shipped model stays what `dateline train ner`
/// makes (retrained with the rule, it lost "J.K. Rowling" in a hard-case test).
pub(crate) fn truecase_and_mark(
    gaz: &Gazetteer,
    clusters: &Clusters,
    words: &[&str],
    sc: &mut Scratch,
    inference: bool,
) -> u64 {
    sc.truecased.clear();
    sc.truecased.resize(words.len(), false);
    let mut scase = sentence_case(&sc.infos);
    if scase == 1
        && words
            .iter()
            .skip(1)
            .any(|w| TITLE_FUNCTION_WORDS.contains(w))
    {
        // A Title Case headline: lowercase the words usually written lowercase, so the
        // sentence looks like running text to a model trained on running text; but not a word
        // inside a known multi-word name ("New" in "Key New York Primary").
        if inference {
            gaz.mark(&sc.infos, &mut sc.gaz);
        } else {
            sc.gaz.clear();
            sc.gaz.resize(words.len(), Default::default());
        }
        for (i, (t, w)) in sc.infos.iter_mut().zip(words).enumerate() {
            let initial_cap = t.flags & F_INIT_CAP != 0 && t.flags & F_ALL_CAPS == 0;
            let in_phrase = sc.gaz[i].iter().any(|&c| (1..=3).contains(&c));
            if i > 0 && initial_cap && !in_phrase && clusters.is_common(t.lower) {
                *t = with_clusters(clusters, token_info_with(w, true));
                sc.truecased[i] = true;
            }
        }
        scase = sentence_case(&sc.infos);
    }
    gaz.mark(&sc.infos, &mut sc.gaz);
    scase
}

/// Capitalized function words that mark a Title Case headline (tables of names have none).
const TITLE_FUNCTION_WORDS: &[&str] = &[
    "A", "After", "Amid", "An", "And", "Are", "As", "At", "By", "For", "From", "In", "Into", "Is",
    "Of", "On", "Or", "Over", "Says", "The", "To", "Will", "With",
];

/// `t` with its word-cluster ids filled in (0 when the word is not clustered).
pub(crate) fn with_clusters(clusters: &Clusters, mut t: TokenInfo) -> TokenInfo {
    if let Some((f, c)) = clusters.get(t.exact) {
        t.fine = u16::from(f) + 1;
        t.coarse = u16::from(c) + 1;
    }
    t
}

/// Tags that leave an entity open (B, I): they cannot end a sentence.
pub(crate) fn open_mask() -> u32 {
    let mut m = 0u32;
    for t in 0..NUM_TYPES {
        m |= (1 << super::labels::tag(t, Pos::B)) | (1 << super::labels::tag(t, Pos::I));
    }
    m
}

/// Whether token `i` of a sentence gets `O` without being scored, at inference: no entity is
/// open before it (`prev1` is not B or I), it has no capital letter, and it does not come
/// right before a capitalized word unless it is a lower-case word other than a particle.
/// Such a token could only start an entity, and entities start with a capitalized word, a
/// particle before one ("de Klerk") or markup before one ("<Colorado National Bancshares
/// Inc>"); a span opened by another lower-case word ("said") loses it again in
/// [`trim_lowercase_edges`]. Most tokens of running text are skipped this way.
#[inline]
pub(crate) fn skippable(infos: &[TokenInfo], i: usize, prev1: u8) -> bool {
    let open = matches!(split(prev1), Some((_, Pos::B | Pos::I)));
    !open && !has_capital(infos, i) && !may_open_before_capital(infos, i)
}

/// Whether token `i`, which has no capital letter, may still open the name that starts with
/// the next token: that token has a capital letter and token `i` is not a lower-case word
/// other than a particle.
#[inline]
pub(crate) fn may_open_before_capital(infos: &[TokenInfo], i: usize) -> bool {
    let lower_word = |t: &TokenInfo| t.flags & (F_INIT_LOWER | F_PARTICLE) == F_INIT_LOWER;
    has_capital(infos, i + 1) && infos.get(i).is_some_and(|t| !lower_word(t))
}

/// Whether token `i` exists and starts with a capital letter or is all capitals, other than a
/// word capitalized only by position or convention ("The", "March", see
/// `features::CAPITALIZED_FUNCTION_WORDS`) with no capitalized word on either side: "The company
/// said" or "March 4" opens no name, but "In Tokyo" or "Theresa May said" may.
#[inline]
pub(crate) fn has_capital(infos: &[TokenInfo], i: usize) -> bool {
    let cap = |j: usize| {
        infos
            .get(j)
            .is_some_and(|t| t.flags & (F_INIT_CAP | F_ALL_CAPS) != 0)
    };
    cap(i) && (infos[i].flags & F_FUNCTION == 0 || cap(i + 1) || i.checked_sub(1).is_some_and(cap))
}

/// Decodes one sentence greedily. `choose(i, features, allowed_tag_mask)` picks token `i`'s tag
/// (argmax plus perceptron update in training; argmax in the reference test of `document.rs`,
/// which inference must match). With `skip`, tokens that [`skippable`] allows get `O` without
/// a call (inference does this; training scores every token). Results land in
/// `sc.tags`/`sc.spans`, and the spans are added to the document memory.
pub(crate) fn decode_sentence<F>(
    gaz: &Gazetteer,
    clusters: &Clusters,
    words: &[&str],
    mem: &mut DocMemory,
    sc: &mut Scratch,
    skip: bool,
    mut choose: F,
) where
    F: FnMut(usize, &[u32], u32) -> u8,
{
    let scase = prepare(gaz, clusters, words, sc, skip);
    sc.tags.clear();
    let n = words.len();
    let open_mask = open_mask();
    sc.hist.clear();
    for t in &sc.infos {
        sc.hist.push(mem.lookup(t));
    }
    let (mut p1, mut p2) = (O, O);
    for i in 0..n {
        if skip && skippable(&sc.infos, i, p1) {
            sc.tags.push(O);
            p2 = p1;
            p1 = O;
            continue;
        }
        sc.feats.clear();
        static_features(&sc.infos, &sc.gaz, i, scase, &sc.hist, &mut sc.feats);
        tag_features(&sc.infos, i, p1, p2, &mut sc.feats);
        let mut allowed = allowed_after(p1);
        if i + 1 == n {
            allowed &= !open_mask;
            if allowed == 0 {
                // Only reachable if the previous tag opened an entity: close it here.
                allowed = 1 << split(p1).map_or(O, |(t, _)| super::labels::tag(t, Pos::L));
            }
        }
        let tg = choose(i, &sc.feats, allowed);
        sc.tags.push(tg);
        p2 = p1;
        p1 = tg;
    }
    sc.spans.clear();
    spans_from_tags(&sc.tags, &mut sc.spans);
    mem.record(&sc.infos, &sc.spans);
}

/// Whether `w` is a personal honorific ("Mr.", "Mrs", "Dr.", ...).
fn is_honorific(w: &str) -> bool {
    const H: &[&str] = &["mr", "mrs", "ms", "dr", "prof", "messrs", "mme", "mlle"];
    let w = w.strip_suffix('.').unwrap_or(w);
    w.len() <= 6 && H.iter().any(|h| h.eq_ignore_ascii_case(w))
}

/// Rules for honorifics, rare in CoNLL's Reuters text but common elsewhere: CoNLL leaves the
/// title outside the name ("Mr. [Obama]"), and a lone name right after one is a person.
pub(crate) fn fix_honorifics(words: &[&str], spans: &mut [Span]) {
    for sp in spans.iter_mut() {
        if sp.ty == 0 && sp.end - sp.start > 1 && is_honorific(words[sp.start]) {
            sp.start += 1;
        }
        if sp.ty != 0 && sp.ty != 3 && sp.start > 0 && is_honorific(words[sp.start - 1]) {
            sp.ty = 0;
        }
    }
}

/// A word written all in lower case ("plan", "of"), unlike "al-Assad" or "iPhone".
fn is_lower_word(w: &str) -> bool {
    match w.as_bytes().first() {
        // Most words are ASCII: no decoding, and an ASCII first byte that is not a lower-case
        // letter settles it.
        Some(c) if c.is_ascii() && w.is_ascii() => {
            c.is_ascii_lowercase() && !w.bytes().any(|b| b.is_ascii_uppercase())
        }
        Some(c) if c.is_ascii() => c.is_ascii_lowercase() && !w.chars().any(char::is_uppercase),
        _ => w.starts_with(char::is_lowercase) && !w.chars().any(char::is_uppercase),
    }
}

/// Lower-case words besides the [`PARTICLES`] that may stand inside a name: "Bank of England",
/// "Food and Drug Administration", "Council on Foreign Relations", "Dar es Salaam".
const CONNECTORS: &[&str] = &[
    "a", "am", "an", "and", "at", "den", "des", "do", "e", "es", "et", "for", "im", "in", "les",
    "of", "on", "sur", "the", "to", "und", "upon", "y",
];

/// Names contain no lower-case word but particles and [`CONNECTORS`], neither end in a
/// lower-case word (with any punctuation after it), a possessive or a lone period, nor start with a
/// lower-case word other than a particle. Splits each span at such inner words ("[Paul Volcker told Congress]" →
/// "[Paul Volcker]", "[Congress]") and trims them off its edges ("[Bank forecast the]" →
/// "[Bank]", "[of Kentucky]" → "[Kentucky]"), dropping spans left empty. The greedy tagger
/// sometimes runs an entity on past its end; these words never belong to it.
pub(crate) fn trim_lowercase_edges(words: &[&str], spans: &mut Vec<Span>) {
    let possessive = |w: &str| matches!(w, "'s" | "’s" | "'S" | "’S" | "'" | "’");
    let punctuation = |w: &str| !w.chars().any(char::is_alphanumeric);
    let breaks = |w: &str| is_lower_word(w) && !PARTICLES.contains(&w) && !CONNECTORS.contains(&w);
    // Called for every sentence: most spans hold no such word and keep their buffer.
    let split_any = spans
        .iter()
        .any(|sp| words[sp.start..sp.end].iter().any(|w| breaks(w)));
    if split_any {
        for sp in std::mem::take(spans) {
            let mut start = sp.start;
            let cuts = words[sp.start..sp.end].iter().map(|w| breaks(w));
            for (k, cut) in (sp.start..).zip(cuts.chain([true])) {
                if cut {
                    if k > start {
                        spans.push(Span {
                            start,
                            end: k,
                            ..sp
                        });
                    }
                    start = k + 1;
                }
            }
        }
    }
    spans.retain_mut(|sp| {
        loop {
            let n = sp.end - sp.start;
            let last = |k: usize| words[sp.end - k];
            if n >= 1 && (is_lower_word(last(1)) || possessive(last(1))) {
                sp.end -= 1;
            } else if n >= 2 && punctuation(last(1)) && is_lower_word(last(2)) {
                // "[Bank said .]": the sentence's end came along with a verb.
                sp.end -= 2;
            } else if n >= 2 && last(1) == "." {
                // "[World Mental Health Day .]": a name's own periods stay on its tokens
                // ("Co.", "U.S."), so one alone ends the sentence, not the name.
                sp.end -= 1;
            } else {
                break;
            }
        }
        while sp.end > sp.start
            && is_lower_word(words[sp.start])
            && !(sp.end - sp.start > 1 && PARTICLES.contains(&words[sp.start]))
        {
            sp.start += 1;
        }
        // A split can leave punctuation alone ("[Bank said .]" → "[.]").
        words[sp.start..sp.end].iter().any(|w| !punctuation(w))
    });
}

/// Index of the highest score among allowed tags (lowest index on ties).
#[inline]
pub(crate) fn argmax_allowed(scores: &[f32; NUM_TAGS], allowed: u32) -> u8 {
    let mut best = O;
    let mut best_s = f32::NEG_INFINITY;
    for (k, &s) in scores.iter().enumerate() {
        if allowed & (1 << k) != 0 && s > best_s {
            best_s = s;
            best = k as u8;
        }
    }
    best
}

/// The allowed tag with the highest relative score ([`Scores`]; `O` scores 0), lowest tag on
/// ties: the same choice as [`argmax_allowed`] over the absolute scores.
#[inline]
pub(crate) fn best_tag(scores: &Scores, allowed: u32) -> u8 {
    // The top allowed score first, in a pass without branches that the compiler vectorizes
    // (a disallowed tag counts as the lowest score), then its first allowed holder: a
    // compare-and-branch per tag cost more than the rest of choosing. Most tokens stop at
    // `O`, whose score 0 no allowed tag beats.
    let is_allowed = |k: usize| allowed & (2 << k) != 0;
    let masked: Scores = std::array::from_fn(|k| if is_allowed(k) { scores[k] } else { i32::MIN });
    let top = masked.into_iter().max().unwrap_or(i32::MIN);
    if allowed & 1 != 0 && top <= 0 {
        return O;
    }
    // A disallowed tag may equal `top` only as `i32::MIN`: the test looks at `allowed` again.
    (0..scores.len())
        .find(|&k| is_allowed(k) && scores[k] == top)
        .map_or(O, |k| k as u8 + 1)
}

/// Most tokens tagged as one document; a longer text is tagged in runs of whole sentences of
/// at most this many tokens (a sentence has at most 250), each with its own document memory.
/// News articles are far shorter.
pub(crate) const CHUNK_TOKENS: usize = 50_000;

/// Per-thread buffers of [`Recognizer::recognize`].
#[derive(Debug, Default)]
struct RecognizeScratch {
    toks: Vec<Token>,
    sents: Vec<Range<usize>>,
    doc: DocScratch,
}

/// A trained named-entity recognizer: averaged-perceptron weights plus gazetteers.
#[derive(Debug, Clone, Default)]
pub struct Recognizer {
    pub(crate) weights: Weights,
    pub(crate) gaz: Gazetteer,
    pub(crate) clusters: Clusters,
}

static EMBEDDED_BYTES: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/models/ner.bin.gz"));
static EMBEDDED: std::sync::OnceLock<Result<Recognizer, String>> = std::sync::OnceLock::new();

impl Recognizer {
    /// Whether `word` is usually written in lower case in the unlabelled news text the model
    /// learned from ("government", "union", "port"), as opposed to a name ("Reagan").
    pub fn is_common_word(&self, word: &str) -> bool {
        self.clusters.is_common(super::hash::hash_lower(word))
    }

    /// Whether `word` occurs in lower case in the unlabelled news text the word clusters were
    /// learned from ("federal", "metro", "brits"), however often it is capitalized; most
    /// names of towns abroad ("Basel", "Piraeus") never do.
    pub fn is_lowercase_word(&self, word: &str) -> bool {
        self.clusters.get(super::hash::hash_lower(word)).is_some()
    }

    /// Whether `word` (any case) opens person names in the recognizer's name lists ("Bill",
    /// "Mark": first tokens of GMB person spans, see `gazetteer.rs`).
    pub fn is_first_name(&self, word: &str) -> bool {
        self.gaz.has_word(word, super::gazetteer::CAT_FIRST)
    }

    /// Whether `name` (any case, words separated by spaces) is an organization of the
    /// recognizer's lists: the organization and exchange list, or a whole ORG span of CoNLL-2003
    /// `eng.train` ("Goldman Sachs", "Morgan Stanley").
    pub fn is_known_org(&self, name: &str) -> bool {
        let words: Vec<&str> = name.split(' ').collect();
        // CoNLL spans of type 2, ORG (`labels`), have their own category after CAT_TRAIN.
        let org = super::gazetteer::CAT_TRAIN + 2;
        self.gaz.has_phrase(&words, super::gazetteer::CAT_ORG) || self.gaz.has_phrase(&words, org)
    }

    /// Whether `name` (any case, words separated by spaces) is a place the recognizer's news
    /// lists know: a geographical name of the GMB (Voice of America) corpus, or a whole LOC
    /// span of CoNLL-2003 `eng.train` ("Cannes", "Hollywood"), as opposed to any town of
    /// GeoNames.
    pub fn is_known_place(&self, name: &str) -> bool {
        let words: Vec<&str> = name.split(' ').collect();
        // CoNLL spans of type 1, LOC (`labels`), have their own category after CAT_TRAIN.
        let loc = super::gazetteer::CAT_TRAIN + 1;
        self.gaz.has_phrase(&words, super::gazetteer::CAT_GEO) || self.gaz.has_phrase(&words, loc)
    }

    /// Whether `words` name a city of the place gazetteer (GeoNames cities15000, CC BY 4.0,
    /// with alternate names; `extract::gazetteer`): "Prince Albert", "Prince George".
    pub(crate) fn is_city(&self, words: &[&str]) -> bool {
        use crate::extract::gazetteer::{embedded, PlaceKind};
        embedded().is_ok_and(|g| {
            g.lookup(&words.join(" "))
                .is_some_and(|p| p.kind == PlaceKind::City)
        })
    }

    /// Whether `word` (any case) ends person names in the recognizer's name lists ("Bush",
    /// "Smith": last tokens of GMB person spans and surname lists, see `gazetteer.rs`).
    pub fn is_surname(&self, word: &str) -> bool {
        self.gaz.has_word(word, super::gazetteer::CAT_SURNAME)
    }

    /// The model compiled into the binary (`models/ner.bin.gz`), decoded once on first use.
    ///
    /// Errors: [`NerError::Model`] if the embedded file is not a valid model (a build problem).
    pub fn try_embedded() -> Result<&'static Recognizer, NerError> {
        EMBEDDED
            .get_or_init(|| Recognizer::from_bytes(EMBEDDED_BYTES).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| NerError::Model(format!("embedded model: {e}")))
    }

    /// The embedded model. Panics only if the model file shipped in the build is corrupt,
    /// which `cargo test` catches; use [`Recognizer::try_embedded`] to handle that instead.
    pub fn embedded() -> &'static Recognizer {
        match Recognizer::try_embedded() {
            Ok(r) => r,
            Err(e) => panic!("embedded NER model is invalid: {e}"),
        }
    }

    /// Loads a model from the bytes [`Recognizer::to_bytes`] (or training) produced, gzipped or
    /// raw.
    ///
    /// Errors: [`NerError::Model`] for a malformed file, naming the byte offset.
    pub fn from_bytes(bytes: &[u8]) -> Result<Recognizer, NerError> {
        let (weights, gaz, clusters) = decode(bytes)?;
        Ok(Recognizer {
            weights,
            gaz,
            clusters,
        })
    }

    /// Serializes the model (gzip-compressed).
    pub fn to_bytes(&self) -> Vec<u8> {
        encode(&self.weights, &self.gaz, &self.clusters)
    }

    /// Number of weight rows (features kept after pruning).
    pub fn feature_count(&self) -> usize {
        self.weights.len()
    }

    /// Number of clustered words.
    pub fn cluster_words(&self) -> usize {
        self.clusters.len()
    }

    /// Number of gazetteer phrases.
    pub fn gazetteer_len(&self) -> usize {
        self.gaz.len()
    }

    /// Finds PERSON, PLACE, ORG and MISC mentions in `text`, treated as one document.
    /// Offsets in the result are character offsets, half-open; mentions are in text order.
    pub fn recognize(&self, text: &str) -> Vec<Mention> {
        thread_local! {
            // Buffers and the word cache survive across calls on one thread: most words of a
            // news article were seen in earlier articles.
            static SCRATCH: RefCell<RecognizeScratch> = RefCell::default();
        }
        SCRATCH
            .try_with(|s| match s.try_borrow_mut() {
                Ok(mut s) => self.recognize_with(text, &mut s),
                Err(_) => self.recognize_with(text, &mut RecognizeScratch::default()),
            })
            .unwrap_or_else(|_| self.recognize_with(text, &mut RecognizeScratch::default()))
    }

    fn recognize_with(&self, text: &str, rs: &mut RecognizeScratch) -> Vec<Mention> {
        let mut out = Vec::new();
        let (toks, sents) = (&mut rs.toks, &mut rs.sents);
        tokenize(text, toks, sents);
        // A text far longer than any article (a book, a 20 MB one-line dump) is tagged in
        // runs of whole sentences, each a document of its own, so the per-token buffers stay
        // bounded; articles fit in one run.
        let no_ampersand = memchr::memchr(b'&', text.as_bytes()).is_none();
        let mut first = 0;
        while first < sents.len() {
            let start = sents[first].start;
            let mut last = first + 1;
            while last < sents.len() && sents[last].end - start <= CHUNK_TOKENS {
                last += 1;
            }
            let run: Vec<Range<usize>> = sents[first..last]
                .iter()
                .map(|r| r.start - start..r.end - start)
                .collect();
            let words: Vec<&str> = toks[start..sents[last - 1].end]
                .iter()
                .map(|t| ascii_quote(&text[t.byte_start..t.byte_end]))
                .collect();
            let ds = &mut rs.doc;
            ds.no_ampersand = no_ampersand;
            self.tag_document(&words, &run, ds);
            for (j, &(k, sp)) in ds.spans.iter().enumerate() {
                let base = start + run[k].start;
                // "Christopher L. Tays" came out "[L. Tays]": a first name left outside
                // before an initial belongs to the name.
                let at = |i: usize| words[run[k].start + i];
                let free =
                    |i: usize| j == 0 || ds.spans[j - 1].0 != k || ds.spans[j - 1].1.end <= i;
                let first = sp.ty == 0
                    && sp.start > 0
                    && is_initial(at(sp.start))
                    && free(sp.start - 1)
                    && at(sp.start - 1).starts_with(char::is_uppercase)
                    && !super::is_capitalized_function_word(at(sp.start - 1))
                    && !TITLE_FUNCTION_WORDS.contains(&at(sp.start - 1))
                    && self.is_first_name(at(sp.start - 1));
                let (a, b) = (
                    &toks[base + sp.start - usize::from(first)],
                    &toks[base + sp.end - 1],
                );
                out.push(Mention {
                    kind: kind_of(sp.ty),
                    start: a.char_start,
                    end: b.char_end,
                    text: text[a.byte_start..b.byte_end].to_string(),
                });
            }
            first = last;
        }
        out
    }

    /// Tokens per second of [`Recognizer::recognize`] on `text` (tokenization, features and
    /// decoding), best of `rounds` runs (at least one).
    pub fn bench_tokens_per_s(&self, text: &str, rounds: usize) -> f64 {
        let (mut toks, mut sents) = (Vec::new(), Vec::new());
        tokenize(text, &mut toks, &mut sents);
        let mut best = f64::MAX;
        for _ in 0..rounds.max(1) {
            let t0 = std::time::Instant::now();
            let m = self.recognize(text);
            std::hint::black_box(m);
            best = best.min(t0.elapsed().as_secs_f64());
        }
        toks.len() as f64 / best.max(1e-9)
    }
}

/// An initial of a name: one capital letter and a period ("L.").
fn is_initial(word: &str) -> bool {
    matches!(word.as_bytes(), [c, b'.'] if c.is_ascii_uppercase())
}

/// `word` with a typographic quote token written as its ASCII form ("’s" → "'s", "“" →
/// "\""): the model learned quotes and the possessive from CoNLL-2003's ASCII text, and
/// took web copy's "Alibaba’s New York" for one name. Other words are returned as they are.
fn ascii_quote(word: &str) -> &str {
    // Each quote below is U+2018..U+201D, whose UTF-8 starts with 0xE2: one byte test for the
    // ASCII words of most text.
    if word.as_bytes().first() != Some(&0xE2) {
        return word;
    }
    match word {
        "\u{2019}s" => "'s",
        "\u{2019}S" => "'S",
        "\u{2019}" | "\u{2018}" => "'",
        "\u{201c}" | "\u{201d}" => "\"",
        _ => word,
    }
}
