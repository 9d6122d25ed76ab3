"""The site address (KADER_SITE_URL), checked once before anything is built: it goes unescaped into
the canonical links, the 404 page, the sitemap and the pocket cards' QR codes.

Accepted: an absolute http(s) address. Refused, with one Dutch line: quotes, spaces, invisible
characters, < > \\ ^ ` { | } &, a query or fragment (even an empty ? or #), user info, a bad port, a
. or .. segment, a % without two hex digits. Empty is no address. Normalised: scheme and host in lower
case, a trailing slash, non-ASCII in the path percent-encoded as UTF-8 (RFC 3987). A non-ASCII host is
refused, not encoded: IDNA 2003 and 2008 differ (ß), so the editor writes its xn-- form.
"""
from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import quote

NAAM = "KADER_SITE_URL"
SCHEMAS = ("http", "https")
VORM = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://([^/]*)(.*)", re.DOTALL)
LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
HOSTNAAM = re.compile(rf"{LABEL}(?:\.{LABEL})*\.?", re.ASCII)
POORT = re.compile(r"[0-9]{1,5}", re.ASCII)
PADTEKENS = re.compile(r"[A-Za-z0-9._~!$()*+,;=:@/%-]*", re.ASCII)
PROCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
AANHALINGSTEKENS = "\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb"


class Adresfout(ValueError):
    """A site address the build refuses; the message is one Dutch line."""


def _toon(waarde: str) -> str:
    return repr(waarde if len(waarde) <= 80 else waarde[:80] + "…")


def _fout(waarde: str, wat: str, doe: str) -> Adresfout:
    return Adresfout(f"{NAAM} {_toon(waarde)} {wat} ({doe})")


def _ipv6_fout(waarde: str) -> Adresfout:
    return _fout(waarde, "heeft geen geldig IPv6-adres", "schrijf het als [2001:db8::1], zo nodig met :poort erachter")


def _onzichtbaar(teken: str) -> bool:
    """Spaces, control characters, format characters (bidi, zero width) and unassigned ones."""
    return unicodedata.category(teken)[0] in "CZ"


def _tekens(waarde: str) -> None:
    """No invisible characters, quotes, query or fragment anywhere in the address."""
    for plek, teken in enumerate(waarde, 1):
        if teken == " ":
            raise _fout(waarde, f"bevat een spatie op plaats {plek}",
                        "laat haar weg, of schrijf haar in het pad als %20")
        if _onzichtbaar(teken):
            raise _fout(waarde, f"bevat het onzichtbare teken U+{ord(teken):04X} op plaats {plek}",
                        "laat het weg; typ het adres zo nodig opnieuw")
        if teken in AANHALINGSTEKENS:
            raise _fout(waarde, f"bevat het aanhalingsteken {teken} op plaats {plek}", "laat de aanhalingstekens weg")
    if "?" in waarde or "#" in waarde:
        deel = "een query (?…)" if "?" in waarde else "een fragment (#…)"
        raise _fout(waarde, f"heeft {deel}; de QR-codes van de zakkaarten zouden dan de beginpagina openen",
                    "geef alleen het adres van de map van de site, zonder ? of #")


def _delen(waarde: str, netloc: str) -> tuple[str, str | None, bool]:
    """Host, port (None without one) and whether the host is an IPv6 address in brackets."""
    ipv6 = re.fullmatch(r"\[([^\]]*)\](?::(.*))?", netloc, re.DOTALL)
    if ipv6:
        return ipv6[1], ipv6[2], True
    if netloc.startswith("["):
        raise _ipv6_fout(waarde)
    host, dubbelepunt, poort = netloc.partition(":")
    return host, poort if dubbelepunt else None, False


def _host(waarde: str, netloc: str) -> str:
    """The host and port, lower case; refused: user info, a host outside ASCII, a bad port."""
    if "@" in netloc:
        raise _fout(waarde, "bevat een gebruikersnaam of wachtwoord (…@)", "laat dat deel weg; het komt anders in "
                                                                          "elke pagina en op elke kaart")
    if not netloc.isascii():
        raise _fout(waarde, "heeft een hostnaam met tekens buiten ASCII",
                    "schrijf de hostnaam in haar IDNA-vorm, xn--…")
    host, poort, ipv6 = _delen(waarde, netloc.lower())
    if poort is not None and not (POORT.fullmatch(poort) and 1 <= int(poort) <= 65535):
        raise _fout(waarde, f"heeft geen geldige poort {poort!r}", "een getal van 1 tot en met 65535, of geen poort")
    if ipv6:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise _ipv6_fout(waarde) from None
        host = f"[{host}]"
    elif not HOSTNAAM.fullmatch(host):
        raise _fout(waarde, f"heeft geen geldige hostnaam {host!r}",
                    "letters, cijfers en streepjes in delen gescheiden door punten, zoals intranet.gemeente.nl")
    return host if poort is None else f"{host}:{int(poort)}"


def _pad(waarde: str, pad: str) -> str:
    """The path, letters outside ASCII percent-encoded, with a trailing slash."""
    pad = "".join(teken if teken.isascii() else quote(teken, safe="") for teken in pad or "/")
    fout = next((teken for teken in pad if not PADTEKENS.fullmatch(teken)), None)
    if fout == "&":
        raise _fout(waarde, "bevat & in het pad", "laat het weg; een sjabloon leest &… als HTML-teken")
    if fout:
        raise _fout(waarde, f"bevat het teken {fout} in het pad", f"schrijf het als %{ord(fout):02X}")
    if PROCENT.search(pad):
        raise _fout(waarde, "heeft een % zonder twee hexadecimale cijfers erachter", "schrijf een % zelf als %25")
    if {".", ".."} & set(pad.split("/")):
        raise _fout(waarde, "heeft een deel . of .. in het pad", "geef het pad zoals het is, zonder . of ..")
    return pad if pad.endswith("/") else pad + "/"


def adres(waarde: str) -> str:
    """The address normalised, or "" for none; Adresfout when the build must refuse it."""
    if waarde == "":
        return ""
    _tekens(waarde)
    vorm = VORM.fullmatch(waarde)
    if not vorm:
        raise _fout(waarde, "is geen volledig webadres", "begin met https:// of http:// en een hostnaam")
    schema, netloc, pad = vorm.groups()
    if schema.lower() not in SCHEMAS:
        raise _fout(waarde, f"begint niet met http:// of https:// maar met {schema}://", "gebruik https://")
    return f"{schema.lower()}://{_host(waarde, netloc)}{_pad(waarde, pad)}"


def siteadres(gebruikt: str, gezet: str | None) -> str:
    """The address the build uses (mkdocs' site_url), normalised; `gezet` is KADER_SITE_URL as set,
    checked too, since mkdocs silently drops tabs, line breaks and an empty ? or # from it."""
    if gezet is not None:
        adres(gezet)
    return adres(gebruikt)
