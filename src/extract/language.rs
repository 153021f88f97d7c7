//! Whether an article is in English, the only language the recognizer reads: its format's
//! language tag, and its own text, which overrides the tag when it plainly reads as one
//! language (web pages declare `lang="en"` or `lang="de"` from a template whatever they hold).

/// Whether an article's `text` should be mined for names: it does not plainly read as another
/// language ([`plain_language`]), and its language `tag` (`None` or blank: untagged) names
/// English or nothing, or else the text plainly reads as English at its start and, when
/// long, at its middle too. English Business Insider pages declare `lang="de"`
/// (article-extraction-benchmark), German ones `lang="en"` (htmldate-eval); a German page
/// may open with English server warnings, hence the second sample.
pub(crate) fn is_english(tag: Option<&str>, text: &str) -> bool {
    let start = plain_language(text.as_bytes());
    if start == Some(false) {
        return false;
    }
    if tag
        .filter(|t| !t.trim().is_empty())
        .is_none_or(is_english_tag)
    {
        return true;
    }
    let middle = text
        .as_bytes()
        .get(text.len() / 2..)
        .filter(|_| text.len() > 2 * LANGUAGE_SAMPLE);
    start == Some(true) && middle.is_none_or(|m| plain_language(m) == Some(true))
}

/// Whether a language tag ("en", "en-GB", "EN_us", "eng", "English") names English.
fn is_english_tag(tag: &str) -> bool {
    let t = tag.trim().to_ascii_lowercase();
    let primary = t.split(['-', '_']).next().unwrap_or("");
    matches!(primary, "en" | "eng" | "english")
}

/// Bytes of an article read to tell its language.
const LANGUAGE_SAMPLE: usize = 800;

/// `Some(true)` when the first [`LANGUAGE_SAMPLE`] bytes of `text` plainly read as English,
/// `Some(false)` when as German, French, Spanish, Italian, Dutch or Portuguese, `None` when
/// unsure: one side's function words must outnumber the other's three to one, six at least.
/// German pages gave the people "Das", "Dann" and "Dabei" and the place "Ende"
/// (htmldate-eval). The word lists leave out words English text also uses ("de", "la",
/// "die", "per").
fn plain_language(text: &[u8]) -> Option<bool> {
    let sample = &text[..text.len().min(LANGUAGE_SAMPLE)];
    let (mut english, mut other) = (0usize, 0usize);
    let mut buf = [0u8; 5];
    // Bytes, not chars: this runs on every article. A letter beyond ASCII stays in its word.
    for word in sample.split(|b| b.is_ascii() && !b.is_ascii_alphabetic()) {
        if word.is_empty() || word.len() > 5 {
            continue;
        }
        for (b, c) in buf.iter_mut().zip(word) {
            *b = c.to_ascii_lowercase();
        }
        match &buf[..word.len()] {
            b"and" | b"are" | b"for" | b"from" | b"has" | b"have" | b"is" | b"of" | b"that"
            | b"the" | b"this" | b"to" | b"was" | b"were" | b"which" | b"with" => english += 1,
            b"auf" | b"avec" | b"bei" | b"como" | b"con" | b"das" | b"dans" | b"dass" | b"del"
            | b"della" | b"den" | b"der" | b"des" | b"een" | b"ein" | b"eine" | b"est" | b"et"
            | b"f\xc3\xbcr" | b"het" | b"ist" | b"los" | b"mit" | b"nicht" | b"n\xc3\xa3o"
            | b"pour" | b"que" | b"sich" | b"sind" | b"und" | b"une" | b"van" | b"von"
            | b"wird" | b"y" | b"les" | b"du" | b"au" | b"aux" | b"sur" | b"par" | b"qui"
            | b"sont" | b"pas" | b"mais" | b"cette" | b"auch" | b"nach" | b"wie" | b"wir"
            | b"dem" | b"zum" | b"zur" | b"einen" | b"oder" | b"aber" | b"noch" | b"che"
            | b"sono" | b"gli" | b"las" | b"por" | b"para" | b"una" | b"pero" => other += 1,
            _ => continue,
        }
        // English text settles it within a few lines.
        if english >= 8 && other * 3 < english {
            return Some(true);
        }
    }
    let plainly = |a: usize, b: usize| a >= 6 && a >= 3 * b;
    if plainly(other, english) {
        Some(false)
    } else if plainly(english, other) {
        Some(true)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for (tag, english) in [
            ("en", true),
            ("en-GB", true),
            ("EN_us", true),
            ("eng", true),
            ("de", false),
            ("fr-FR", false),
            ("", false),
        ] {
            assert_eq!(is_english_tag(tag), english, "{tag}");
        }
    }

    #[test]
    fn text_in_a_plain_language_outweighs_its_tag() {
        let de = "Das Wetter wird am Wochenende schön. Dann ist der Sommer da, und die Kinder \
                  sind mit den Eltern auf dem See. Dabei wird es warm, sagt der Dienst, und \
                  das Ende der Ferien ist nicht nah. Es ist ein schöner Tag für eine Reise.";
        assert_eq!(plain_language(de.as_bytes()), Some(false));
        let short = "Dann kommen die Pläne auf den Tisch, und der Rat will sie noch im Mai \
                     beraten. Dabei ist die Debatte nicht neu.";
        assert_eq!(plain_language(short.as_bytes()), Some(false));
        let fr = "Selon l'Office fédéral, les Suisses sont nombreux à boire l'eau du robinet. \
                  Mais la qualité n'est pas la même dans toutes les communes, et le Conseil \
                  veut agir.";
        assert_eq!(plain_language(fr.as_bytes()), Some(false));
        assert!(!is_english(Some("en"), de) && !is_english(None, de));
        let en = "The mayor of Lyon, Ana Ruiz, said the tram line would open in June and that \
                  fares were set by the city. Der Spiegel and Le Monde reported it.";
        assert_eq!(plain_language(en.as_bytes()), Some(true));
        assert!(is_english(None, en) && is_english(Some("en-GB"), en));
        // English Business Insider pages declare `lang="de"`.
        assert!(is_english(Some("de"), en));
        // Too few function words to tell: the tag decides.
        let unsure = "Kanzlerin Merkel in Paris";
        assert_eq!(plain_language(unsure.as_bytes()), None);
        assert!(!is_english(Some("de"), unsure) && is_english(Some("en"), unsure));
        // A German page tagged so that opens with English server warnings.
        let warned = format!("{} {}", en.repeat(8), de.repeat(8));
        assert!(!is_english(Some("de"), &warned) && is_english(Some("de"), &en.repeat(20)));
    }
}
