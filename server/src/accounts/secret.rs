//! Random secrets (API tokens, session cookies) and the hashes stored in their place.

use std::fmt;

use sha2::{Digest, Sha256};

/// A fresh random secret: `clt_` and 64 hex digits (256 bits). Shown once, never stored.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// A new secret from the operating system's random source.
    pub fn generate() -> Secret {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).expect("the operating system provides random bytes");
        Secret(format!("clt_{}", hex(&bytes)))
    }

    /// The secret itself, to hand to its owner.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// What the database keeps instead of the secret.
    pub fn hash(&self) -> String {
        hash_secret(&self.0)
    }
}

/// Never printed by accident.
impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// The hex SHA-256 of a secret. Secrets are long and random, so a fast hash is enough.
pub fn hash_secret(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_long_random_and_hashed_consistently() {
        let secret = Secret::generate();
        assert_eq!(secret.expose().len(), 4 + 64);
        assert_ne!(secret, Secret::generate());
        assert_eq!(secret.hash(), hash_secret(secret.expose()));
        assert_eq!(
            hash_secret("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(format!("{secret:?}"), "Secret(…)");
    }
}
