//! Finding where unquoted CSV fields end: at the next separator or line break.
//!
//! Most fields of a customer file are short (a name, a phone number), and one search call per
//! field costs more than the field itself. This scanner compares 64 bytes at once (SIMD through
//! the `wide` crate: SSE2 natively, simd128 in the browser) into a bit mask with one bit per
//! byte, then answers field after field from that mask until it runs out.

use wide::u8x16;

/// Bytes looked at in one go: one bit each in a `u64` mask.
const BLOCK: usize = 64;

/// Answers "where does the field starting here end?" for increasing positions in one text.
#[derive(Debug)]
pub(crate) struct FieldEnds<'a> {
    bytes: &'a [u8],
    delimiter: u8,
    /// Where the block described by `mask` starts.
    block: usize,
    /// Bit `i` is set when byte `block + i` is the separator or a line break.
    mask: u64,
}

impl<'a> FieldEnds<'a> {
    pub(crate) fn new(bytes: &'a [u8], delimiter: u8) -> Self {
        let mut scanner = FieldEnds {
            bytes,
            delimiter,
            block: 0,
            mask: 0,
        };
        scanner.load(0);
        scanner
    }

    /// Where the unquoted text from `from` on ends: at the next separator, line break, or the
    /// end of the text.
    #[inline]
    pub(crate) fn field_end(&mut self, from: usize) -> usize {
        let mut offset = from.wrapping_sub(self.block);
        if offset >= BLOCK {
            self.load(from);
            offset = 0;
        }
        let ahead = self.mask >> offset;
        if ahead != 0 {
            return from + ahead.trailing_zeros() as usize;
        }
        self.field_end_in_later_blocks()
    }

    /// The first separator or line break after the current block.
    fn field_end_in_later_blocks(&mut self) -> usize {
        loop {
            let next = self.block + BLOCK;
            if next >= self.bytes.len() {
                return self.bytes.len();
            }
            self.load(next);
            if self.mask != 0 {
                return self.block + self.mask.trailing_zeros() as usize;
            }
        }
    }

    /// Makes `mask` describe the block starting at `at`.
    fn load(&mut self, at: usize) {
        self.block = at;
        self.mask = match self.bytes.get(at..at + BLOCK) {
            Some(block) => {
                let separator = u8x16::splat(self.delimiter);
                let newline = u8x16::splat(b'\n');
                let carriage_return = u8x16::splat(b'\r');
                block
                    .chunks_exact(16)
                    .enumerate()
                    .map(|(part, chunk)| {
                        let chunk = u8x16::new(chunk.try_into().expect("16 bytes"));
                        let found = chunk.cmp_eq(separator)
                            | chunk.cmp_eq(newline)
                            | chunk.cmp_eq(carriage_return);
                        u64::from(found.move_mask() as u16) << (part * 16)
                    })
                    .fold(0u64, |mask, part| mask | part)
            }
            // The last, shorter block of the text.
            None => self.bytes[at.min(self.bytes.len())..]
                .iter()
                .enumerate()
                .filter(|&(_, &byte)| self.is_field_end(byte))
                .fold(0, |mask, (index, _)| mask | 1u64 << index),
        };
    }

    fn is_field_end(&self, byte: u8) -> bool {
        byte == self.delimiter || byte == b'\n' || byte == b'\r'
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain definition the scanner must agree with.
    fn expected(bytes: &[u8], from: usize, delimiter: u8) -> usize {
        bytes[from..]
            .iter()
            .position(|&byte| byte == delimiter || byte == b'\n' || byte == b'\r')
            .map_or(bytes.len(), |found| from + found)
    }

    #[test]
    fn agrees_with_a_byte_loop_at_every_position() {
        // Fields of every length around the block size, separators and line breaks of each
        // kind, multi-byte text, and a tail shorter than a block.
        let mut text = String::new();
        for length in [0, 1, 2, 15, 16, 17, 63, 64, 65, 127, 128, 130] {
            text.push_str(&"ñ".repeat(length / 2));
            text.push_str(&"a".repeat(length % 2));
            text.push(match length % 3 {
                0 => ';',
                1 => '\n',
                _ => '\r',
            });
        }
        text.push_str("tail without an end");
        let bytes = text.as_bytes();
        // Positions visited in order, as the parser does, and each one afresh.
        let mut scanner = FieldEnds::new(bytes, b';');
        for from in 0..=bytes.len() {
            assert_eq!(
                scanner.field_end(from),
                expected(bytes, from, b';'),
                "{from}"
            );
            let mut fresh = FieldEnds::new(bytes, b';');
            assert_eq!(fresh.field_end(from), expected(bytes, from, b';'), "{from}");
        }
    }

    #[test]
    fn jumps_backwards_and_far_ahead() {
        let text = format!("{},b\n{}|c", "x".repeat(200), "y".repeat(300));
        let bytes = text.as_bytes();
        let mut scanner = FieldEnds::new(bytes, b'|');
        for from in [400, 3, 250, 0, 505, bytes.len(), 10] {
            assert_eq!(
                scanner.field_end(from),
                expected(bytes, from, b'|'),
                "{from}"
            );
        }
    }
}
