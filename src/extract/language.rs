//! Whether an article is in English, the only language the recognizer reads: its format's
//! language tag, and its own text, which overrides a tag of English (web pages declare
//! `lang="en"` from a template whatever they hold).

/// Whether an article's `text` should be mined for names: its language `tag` (`None` or blank:
/// untagged) names English or nothing, and the text does not plainly read as another language
/// ([`reads_as_other_language`]).
pub(crate) fn is_english(tag: Option<&str>, text: &str) -> bool {
    tag.filter(|t| !t.trim().is_empty())
        .is_none_or(is_english_tag)
        && !reads_as_other_language(text)
}

/// Whether a language tag ("en", "en-GB", "EN_us", "eng", "English") names English.
fn is_english_tag(tag: &str) -> bool {
    let t = tag.trim().to_ascii_lowercase();
    let primary = t.split(['-', '_']).next().unwrap_or("");
    matches!(primary, "en" | "eng" | "english")
}

/// Bytes of an article read to tell its language.
const LANGUAGE_SAMPLE: usize = 800;

/// Whether an article, tagged English or not tagged, is plainly in another language: in its
/// first [`LANGUAGE_SAMPLE`] bytes, function words of German, French, Spanish, Italian, Dutch
/// or Portuguese outnumber English ones three to one, six at least. Web pages often carry no
/// `lang` or a template's `lang="en"`, and German pages gave the people "Das", "Dann" and
/// "Dabei" and the place "Ende" (htmldate-eval). The word lists leave out words English text
/// also uses ("de", "la", "die", "per").
fn reads_as_other_language(text: &str) -> bool {
    let sample = &text.as_bytes()[..text.len().min(LANGUAGE_SAMPLE)];
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
            return false;
        }
    }
    other >= 6 && other >= 3 * english
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
    fn text_in_another_language_outweighs_its_tag() {
        let de = "Das Wetter wird am Wochenende schön. Dann ist der Sommer da, und die Kinder \
                  sind mit den Eltern auf dem See. Dabei wird es warm, sagt der Dienst, und \
                  das Ende der Ferien ist nicht nah. Es ist ein schöner Tag für eine Reise.";
        assert!(reads_as_other_language(de));
        let short = "Dann kommen die Pläne auf den Tisch, und der Rat will sie noch im Mai \
                     beraten. Dabei ist die Debatte nicht neu.";
        assert!(reads_as_other_language(short));
        let fr = "Selon l'Office fédéral, les Suisses sont nombreux à boire l'eau du robinet. \
                  Mais la qualité n'est pas la même dans toutes les communes, et le Conseil \
                  veut agir.";
        assert!(reads_as_other_language(fr));
        assert!(!is_english(Some("en"), de) && !is_english(None, de));
        let en = "The mayor of Lyon, Ana Ruiz, said the tram line would open in June and that \
                  fares were set by the city. Der Spiegel and Le Monde reported it.";
        assert!(!reads_as_other_language(en));
        assert!(is_english(None, en) && is_english(Some("en-GB"), en));
        assert!(!is_english(Some("de"), en));
    }
}
