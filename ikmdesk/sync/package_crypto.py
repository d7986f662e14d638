"""Signing and encryption of sync packages: Ed25519 signatures, age-style key wrapping.

Each encrypted package has a random 256-bit file key. The key is wrapped either for the
recipient's X25519 key (ephemeral ECDH, HKDF-SHA256, AES-GCM) or with a passphrase
(scrypt, AES-GCM). Member contents are AES-256-GCM in 1 MiB chunks, each with a fresh
random nonce and the member name, chunk index and a last-chunk flag in the associated
data, so swapped, reordered or truncated chunks fail to decrypt.
"""

from __future__ import annotations

import base64
import os
import struct
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

FILE_KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
CHUNK_BYTES = 1 << 20
SCRYPT_LOG_N = 15
SCRYPT_R = 8
SCRYPT_P = 1
MAX_SCRYPT_LOG_N = 20
_X25519_INFO = b"ikmsync/1 x25519 file key"


class DecryptionFailed(ValueError):
    """The key or passphrase does not open this content, or the content was altered."""


def b64(raw: bytes) -> str:
    """Return standard base64 text of ``raw``."""
    return base64.b64encode(raw).decode("ascii")


def unb64(text: Any, *, length: int | None = None) -> bytes:
    """Decode base64 text strictly; raises ValueError on anything else or a wrong length."""
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if length is not None and len(raw) != length:
        raise ValueError("wrong key length")
    return raw


def new_file_key() -> bytes:
    """Return a fresh random file key for one package."""
    return os.urandom(FILE_KEY_BYTES)


def sign(private_raw: bytes, data: bytes) -> bytes:
    """Return the Ed25519 signature of ``data`` by the raw private key."""
    return Ed25519PrivateKey.from_private_bytes(private_raw).sign(data)


def signature_valid(public_b64: str, signature: bytes, data: bytes) -> bool:
    """Tell whether ``signature`` is a valid Ed25519 signature of ``data`` by that key."""
    try:
        key = Ed25519PublicKey.from_public_bytes(unb64(public_b64, length=32))
        key.verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def wrap_for_recipient(
    file_key: bytes, *, recipient_id: str, recipient_public_b64: str, aad: bytes
) -> dict[str, Any]:
    """Return the stanza that lets only the recipient's X25519 private key recover the file key."""
    recipient_raw = unb64(recipient_public_b64, length=32)
    ephemeral = X25519PrivateKey.generate()
    ephemeral_raw = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_raw))
    wrap_key = _hkdf(shared, salt=ephemeral_raw + recipient_raw)
    nonce = os.urandom(NONCE_BYTES)
    return {
        "scheme": "x25519",
        "recipient": recipient_id,
        "ephemeral": b64(ephemeral_raw),
        "nonce": b64(nonce),
        "wrapped_key": b64(AESGCM(wrap_key).encrypt(nonce, file_key, aad)),
    }


def unwrap_with_private_key(stanza: dict[str, Any], private_raw: bytes, aad: bytes) -> bytes:
    """Return the file key from an X25519 stanza; raises DecryptionFailed if it is not ours."""
    try:
        private = X25519PrivateKey.from_private_bytes(private_raw)
        ephemeral_raw = unb64(stanza["ephemeral"], length=32)
        own_raw = private.public_key().public_bytes_raw()
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_raw))
        wrap_key = _hkdf(shared, salt=ephemeral_raw + own_raw)
        nonce = unb64(stanza["nonce"], length=NONCE_BYTES)
        key = AESGCM(wrap_key).decrypt(nonce, unb64(stanza["wrapped_key"]), aad)
    except (InvalidTag, ValueError, KeyError) as exc:
        raise DecryptionFailed("the file key is not wrapped for this device") from exc
    if len(key) != FILE_KEY_BYTES:
        raise DecryptionFailed("wrong file key length")
    return key


def wrap_with_passphrase(file_key: bytes, passphrase: str, aad: bytes) -> dict[str, Any]:
    """Return the stanza that lets the passphrase recover the file key (scrypt + AES-GCM)."""
    salt = os.urandom(16)
    wrap_key = _scrypt(passphrase, salt, SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P)
    nonce = os.urandom(NONCE_BYTES)
    return {
        "scheme": "scrypt",
        "salt": b64(salt),
        "log_n": SCRYPT_LOG_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "nonce": b64(nonce),
        "wrapped_key": b64(AESGCM(wrap_key).encrypt(nonce, file_key, aad)),
    }


def unwrap_with_passphrase(stanza: dict[str, Any], passphrase: str, aad: bytes) -> bytes:
    """Return the file key from a scrypt stanza; raises DecryptionFailed on a wrong passphrase."""
    try:
        log_n, r, p = int(stanza["log_n"]), int(stanza["r"]), int(stanza["p"])
        if not (10 <= log_n <= MAX_SCRYPT_LOG_N and 1 <= r <= 16 and 1 <= p <= 4):
            raise ValueError("scrypt parameters out of range")  # a hostile file must not stall us
        wrap_key = _scrypt(passphrase, unb64(stanza["salt"]), log_n, r, p)
        nonce = unb64(stanza["nonce"], length=NONCE_BYTES)
        key = AESGCM(wrap_key).decrypt(nonce, unb64(stanza["wrapped_key"]), aad)
    except (InvalidTag, ValueError, KeyError, TypeError) as exc:
        raise DecryptionFailed("wrong passphrase") from exc
    if len(key) != FILE_KEY_BYTES:
        raise DecryptionFailed("wrong file key length")
    return key


def encrypt_member(file_key: bytes, data: bytes, aad: bytes) -> bytes:
    """Return ``data`` encrypted in chunks: each chunk is nonce, ciphertext and tag."""
    aead = AESGCM(file_key)
    pieces = []
    count = max(1, -(-len(data) // CHUNK_BYTES))
    for index in range(count):
        chunk = data[index * CHUNK_BYTES : (index + 1) * CHUNK_BYTES]
        nonce = os.urandom(NONCE_BYTES)
        pieces.append(nonce)
        pieces.append(aead.encrypt(nonce, chunk, _chunk_aad(aad, index, index == count - 1)))
    return b"".join(pieces)


def decrypt_member(file_key: bytes, blob: bytes, aad: bytes) -> bytes:
    """Return the plaintext of an encrypted member; raises DecryptionFailed if altered."""
    aead = AESGCM(file_key)
    stride = NONCE_BYTES + CHUNK_BYTES + TAG_BYTES
    count = max(1, -(-len(blob) // stride))
    out = []
    try:
        for index in range(count):
            piece = blob[index * stride : (index + 1) * stride]
            if len(piece) < NONCE_BYTES + TAG_BYTES:
                raise DecryptionFailed("truncated chunk")
            nonce, sealed = piece[:NONCE_BYTES], piece[NONCE_BYTES:]
            out.append(aead.decrypt(nonce, sealed, _chunk_aad(aad, index, index == count - 1)))
    except InvalidTag as exc:
        raise DecryptionFailed("content does not decrypt") from exc
    return b"".join(out)


def _chunk_aad(aad: bytes, index: int, last: bool) -> bytes:
    return aad + struct.pack(">QB", index, 1 if last else 0)


def _hkdf(shared: bytes, *, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_X25519_INFO).derive(shared)


def _scrypt(passphrase: str, salt: bytes, log_n: int, r: int, p: int) -> bytes:
    kdf = Scrypt(salt=salt, length=32, n=2**log_n, r=r, p=p)
    return kdf.derive(passphrase.encode("utf-8"))
