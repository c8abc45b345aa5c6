//! Text encodings of delimited files, detected in a fixed order: a byte-order mark (UTF-8,
//! UTF-16LE as Excel's "Unicode Text", UTF-16BE); else UTF-8 if the first 64 KiB are valid UTF-8;
//! else GB18030 (what Excel on Chinese Windows saves as "CSV"), a superset of GBK. `--encoding`
//! forces one. The input is streamed: only the first 64 KiB are held to decide.

use std::io::{self, Cursor, Read};

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};
use encoding_rs_io::DecodeReaderBytesBuilder;

use crate::error::{DataProblem, Error, Location, Result};

/// How much of the input is looked at to choose an encoding.
const SNIFF: usize = 64 * 1024;

/// An input decoded to UTF-8, with the encoding it was read in.
pub struct Decoded {
    /// UTF-8 bytes (a UTF-8 input passes through unchanged, so a bad byte later on is reported
    /// where it is).
    pub reader: Box<dyn Read>,
    /// The encoding the input was read in.
    pub encoding: &'static Encoding,
    /// The first bytes after decoding, for sniffing the delimiter.
    pub head: Vec<u8>,
    /// True when `head` is the whole input.
    pub complete: bool,
}

impl Decoded {
    /// The delimiter of the text, from its head (see [`super::sniff`]); an error naming a
    /// semicolon or a bar when that is what the header is split by.
    pub fn delimiter(&self, name: &str) -> Result<u8> {
        let names = &super::table::names_indicator;
        match super::sniff::sniff_delimiter(&self.head, self.complete, names) {
            super::sniff::Sniffed::Delimiter(d) => Ok(d),
            super::sniff::Sniffed::Other(other, line) => Err(Error::actuals(
                Location::line(name, line),
                DataProblem::OtherDelimiter {
                    delimiter: char::from(other),
                },
            )),
        }
    }
}

/// Looks up an encoding by a name people use: utf-8, gbk, gb2312, gb18030, utf-16le, utf-16be.
pub fn encoding_by_name(name: &str) -> Option<&'static Encoding> {
    let lower = name.trim().to_ascii_lowercase();
    match lower.as_str() {
        "gbk" | "gb2312" | "gb18030" | "cp936" => Some(GB18030),
        "utf8" | "utf-8" => Some(UTF_8),
        "utf16" | "utf-16" | "utf16le" | "utf-16le" => Some(UTF_16LE),
        "utf16be" | "utf-16be" => Some(UTF_16BE),
        _ => Encoding::for_label(lower.as_bytes()),
    }
}

/// Chooses the encoding of `reader` (or takes `forced`) and returns a reader of UTF-8 bytes.
pub fn decode(
    mut reader: Box<dyn Read>,
    name: &str,
    forced: Option<&'static Encoding>,
) -> Result<Decoded> {
    let mut head = Vec::with_capacity(SNIFF);
    (&mut reader)
        .take(SNIFF as u64)
        .read_to_end(&mut head)
        .map_err(|err| Error::unreadable(Location::file(name), &err))?;
    let bom = Encoding::for_bom(&head).map(|(encoding, _)| encoding);
    let encoding = match (bom, forced) {
        (Some(encoding), _) => encoding,
        (None, Some(encoding)) => encoding,
        (None, None) => sniff(&head, name)?,
    };
    let complete = head.len() < SNIFF;
    let whole: Box<dyn Read> = Box::new(Cursor::new(head.clone()).chain(reader));
    if encoding == UTF_8 {
        return Ok(Decoded {
            reader: whole,
            encoding,
            head,
            complete,
        });
    }
    let transcoded = DecodeReaderBytesBuilder::new()
        .encoding(Some(encoding))
        .bom_override(true)
        .build(whole);
    let (head, _) = encoding.decode_with_bom_removal(&head);
    Ok(Decoded {
        reader: Box::new(transcoded),
        encoding,
        head: head.into_owned().into_bytes(),
        complete,
    })
}

/// UTF-8 if the head is valid UTF-8 (a character cut at its end is fine); UTF-16 without a
/// byte-order mark if every other byte is NUL; else GB18030 if it is valid GB18030; else an
/// error naming the first line that is none of these.
fn sniff(head: &[u8], name: &str) -> Result<&'static Encoding> {
    let utf8_error = match std::str::from_utf8(head) {
        Ok(_) | Err(_) if utf16_without_bom(head).is_some() => {
            return Ok(utf16_without_bom(head).unwrap_or(UTF_16LE))
        }
        Ok(_) => return Ok(UTF_8),
        Err(err) if err.error_len().is_none() => return Ok(UTF_8),
        Err(err) => err,
    };
    // A UTF-8 file with a damaged byte or two, not a GBK file: GBK text read as UTF-8 fails
    // over and over, while damaged UTF-8 fails rarely among many good multi-byte characters.
    // Reading damaged UTF-8 as GB18030 would print mojibake.
    let (mut bad, mut good) = (0usize, 0usize);
    for chunk in head.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    if good >= 2 * bad {
        return Err(not_text(head, utf8_error.valid_up_to(), name));
    }
    let mut decoder = GB18030.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(head.len() * 2);
    let (result, read) = decoder.decode_to_string_without_replacement(head, &mut out, false);
    match result {
        encoding_rs::DecoderResult::Malformed(bad, extra) => {
            let start = read.saturating_sub(usize::from(extra) + usize::from(bad));
            Err(not_text(head, start, name))
        }
        _ => Ok(GB18030),
    }
}

/// UTF-16 without a byte-order mark: most of the odd (LE) or even (BE) bytes are NUL, as in
/// text that is mostly ASCII.
fn utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    if head.len() < 4 {
        return None;
    }
    let nul_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = head.len() / 2;
    let (odd, even) = (nul_at(1), nul_at(0));
    if odd * 10 >= half * 4 && even == 0 {
        Some(UTF_16LE)
    } else if even * 10 >= half * 4 && odd == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn not_text(head: &[u8], at: usize, name: &str) -> Error {
    let line = head[..at.min(head.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64
        + 1;
    let byte = head.get(at).copied().unwrap_or(0);
    Error::actuals(Location::line(name, line), DataProblem::NotText { byte })
}

/// Reads all of `reader`, for inputs that must be held whole (workbooks from standard input).
pub fn read_all(mut reader: impl Read, name: &str) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|err: io::Error| Error::unreadable(Location::file(name), &err))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoding_of(bytes: &[u8]) -> Result<&'static str> {
        decode(Box::new(Cursor::new(bytes.to_vec())), "t.csv", None).map(|d| d.encoding.name())
    }

    #[test]
    fn detection_order() {
        assert_eq!(encoding_of("指标,数值\n".as_bytes()).unwrap(), "UTF-8");
        assert_eq!(encoding_of(b"\xEF\xBB\xBFa,b\n").unwrap(), "UTF-8");
        assert_eq!(encoding_of(b"\xFF\xFEa\x00").unwrap(), "UTF-16LE");
        let (gbk, _, _) = GB18030.encode("指标,数值\n技术合同成交额,1200\n");
        assert_eq!(encoding_of(&gbk).unwrap(), "gb18030");
        assert_eq!(encoding_of(b"").unwrap(), "UTF-8");
    }

    #[test]
    fn damaged_utf8_is_an_error_not_mojibake() {
        let mut bytes = "指标,数值\n技术合同成交额,1200\n全社会R&D经费投入强度,2.2\n"
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(b"\xFF\xFE\xFD,1\n");
        let err = encoding_of(&bytes).unwrap_err().to_string();
        assert!(
            err.starts_with("t.csv:4: not UTF-8, UTF-16 or GB18030 text (byte 0xFF)"),
            "{err}"
        );
    }

    #[test]
    fn gbk_that_happens_to_hold_utf8_pairs_is_still_gbk() {
        // 省一般青年项目支持数量: several of its GBK byte pairs are valid two-byte UTF-8.
        let (gbk, _, _) =
            GB18030.encode("indicator,period,value\n省一般青年项目支持数量,2020,750\n");
        assert_eq!(encoding_of(&gbk).unwrap(), "gb18030");
    }

    #[test]
    fn utf16_without_a_byte_order_mark() {
        let text: Vec<u8> = "indicator\tvalue\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(encoding_of(&text).unwrap(), "UTF-16LE");
        let text: Vec<u8> = "indicator\tvalue\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(encoding_of(&text).unwrap(), "UTF-16BE");
    }

    #[test]
    fn names_people_use() {
        assert_eq!(encoding_by_name("GBK"), Some(GB18030));
        assert_eq!(encoding_by_name("utf-8"), Some(UTF_8));
        assert_eq!(encoding_by_name("nonsense"), None);
    }
}
