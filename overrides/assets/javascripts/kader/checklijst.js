/* Checklist mode for the pages per object type and phase (docs/checklijst.md).
   A checkbox per handeling and subpunt with the time it was ticked, a note per actie and the details
   of the incident at the top. Everything stays in this browser (localStorage, one record per site,
   edition, page and incident) and is never sent anywhere; a record is cleared automatically a set
   number of days after its last change (data-bewaardagen), with a notice beforehand. For the next
   shift the record is saved as a JSON file (and as readable text); opened again on any device, the
   file is first checked against the schema below, and a record of another edition or with changed
   texts is shown with its differences, never applied silently.
   Progressive enhancement: without this script the page is as it was; the script needs no inline
   script and writes no style, for the intranet's strict Content-Security-Policy
   (deploy/beveiliging.conf). Loaded by overrides/main.html on the pages that have its place
   (macros/web/sjablonen/_checklijst.md).
   The texts below use ASCII and Latin-1 only: the web fonts keep those and the pages' own characters
   (macros/web/lettertypen.py). */
(function () {
  "use strict";

  var SLEUTEL = "kader-checklijst";  // localStorage: kader-checklijst/<site path>/<edition>/<page>/<incident>
  var KEUZE = "kader-checklijst-keuze";  // the incident chosen last: kader-checklijst-keuze/<site path>/<page>
  var SOORT = "handelingskader-checklijst";
  var VERSIE = 2;
  var DAG = 24 * 60 * 60 * 1000;
  var GROOTSTE = 2 * 1024 * 1024;  // bytes of a file to open
  var LANGSTE = {regel: 1000, notitie: 20000};  // characters, as the schema allows
  var GEGEVENS = [
    ["incident", "Incident", "text"],
    ["adres", "Adres", "text"],
    ["datum", "Datum", "date"],
    ["naam", "Naam", "text"]
  ];
  var SCRIPT = document.currentScript ? document.currentScript.src : "";

  /* The saved file's format; the build publishes it as downloads/checklijst.schema.json
     (macros/web/checklijst.py reads it from between the markers: keep it plain JSON). */
  var SCHEMA = /* schema: begin */ {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Checklijst van het Landelijk handelingskader",
    "description": "Wat een dienst op een pagina per objecttype en fase heeft ingevuld, als bestand voor de volgende dienst (Opslaan als bestand). De pagina opent het weer (Bestand openen) en controleert het eerst tegen dit schema.",
    "type": "object",
    "required": ["soort", "versie", "editie", "pagina", "incident", "aangemaakt", "bijgewerkt", "gegevens", "vinkjes", "notities"],
    "additionalProperties": false,
    "properties": {
      "$schema": {"type": "string", "maxLength": 2000, "description": "Het adres van dit schema."},
      "soort": {"const": "handelingskader-checklijst"},
      "versie": {"const": 2, "description": "De versie van dit formaat."},
      "editie": {"$ref": "#/$defs/editie", "description": "De editie van het handelingskader waarbij is ingevuld."},
      "pagina": {"type": "string", "pattern": "^[a-z0-9-]{1,60}/[a-z0-9-]{1,60}$", "description": "Objecttype en fase, zoals woningen/direct."},
      "titel": {"type": "string", "maxLength": 1000, "description": "De titel van de pagina."},
      "adres": {"type": "string", "maxLength": 2000, "description": "Het webadres van de pagina (niet bij een site die van schijf is geopend)."},
      "incident": {"type": "string", "pattern": "^[0-9a-f]{8,32}$", "description": "Het vaste kenmerk van het incident: elk incident heeft een eigen checklijst."},
      "aangemaakt": {"$ref": "#/$defs/tijd", "description": "Wanneer de checklijst is begonnen."},
      "bijgewerkt": {"$ref": "#/$defs/tijd", "description": "De laatste wijziging."},
      "opgeslagen": {"$ref": "#/$defs/tijd", "description": "Wanneer dit bestand is gemaakt."},
      "gegevens": {
        "type": "object",
        "additionalProperties": false,
        "description": "De gegevens van de inzet.",
        "properties": {
          "incident": {"$ref": "#/$defs/regel"},
          "adres": {"$ref": "#/$defs/regel"},
          "naam": {"$ref": "#/$defs/regel"},
          "datum": {"type": "string", "pattern": "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$", "description": "jjjj-mm-dd"}
        }
      },
      "vinkjes": {
        "type": "object", "maxProperties": 2000,
        "propertyNames": {"$ref": "#/$defs/onderdeel"},
        "additionalProperties": {"$ref": "#/$defs/vinkje"},
        "description": "Per afgevinkte handeling of subpunt (het anker op de pagina, zoals w-d-01.2): de tijd en de tekst waarbij is afgevinkt."
      },
      "notities": {
        "type": "object", "maxProperties": 500,
        "propertyNames": {"$ref": "#/$defs/actie"},
        "additionalProperties": {"$ref": "#/$defs/notitie"},
        "description": "Per actie (het anker, zoals w-d-01) de notitie."
      },
      "gewijzigd": {
        "type": "array", "maxItems": 2000, "items": {"$ref": "#/$defs/wijziging"},
        "description": "Vinkjes en notities die niet zijn overgenomen omdat de tekst veranderde of verviel."
      },
      "overgenomenUit": {"type": ["string", "null"], "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$", "description": "De editie waaruit deze checklijst is overgenomen (tot de melding is gesloten)."},
      "tekst": {"type": "array", "maxItems": 10000, "items": {"type": "string", "maxLength": 25000}, "description": "Dezelfde checklijst als leesbare regels, zoals Opslaan als tekst."}
    },
    "$defs": {
      "editie": {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"},
      "tijd": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,3})?)?(Z|[+-][0-9]{2}:[0-9]{2})$", "description": "ISO 8601, zoals 2025-11-12T02:12:00.000Z"},
      "regel": {"type": "string", "maxLength": 1000},
      "onderdeel": {"type": "string", "pattern": "^[a-z]-[a-z]-[0-9]{2}[.][0-9]{1,3}[a-z]?$"},
      "actie": {"type": "string", "pattern": "^[a-z]-[a-z]-[0-9]{2}$"},
      "code": {"type": "string", "maxLength": 20},
      "vinkje": {
        "type": "object", "additionalProperties": false, "required": ["tijd", "tekst"],
        "properties": {
          "code": {"$ref": "#/$defs/code"},
          "tijd": {"$ref": "#/$defs/tijd"},
          "tekst": {"type": "string", "maxLength": 20000, "description": "De tekst van het onderdeel toen het werd afgevinkt."},
          "editie": {"$ref": "#/$defs/editie"}
        }
      },
      "notitie": {
        "type": "object", "additionalProperties": false, "required": ["tekst"],
        "properties": {
          "code": {"$ref": "#/$defs/code"},
          "titel": {"type": "string", "maxLength": 1000, "description": "De titel van de actie toen de notitie werd geschreven."},
          "tekst": {"type": "string", "maxLength": 20000},
          "editie": {"$ref": "#/$defs/editie"}
        }
      },
      "wijziging": {
        "type": "object", "additionalProperties": false, "required": ["soort", "code"],
        "properties": {
          "soort": {"enum": ["vinkje", "notitie", "titel"]},
          "id": {"type": "string", "maxLength": 20},
          "code": {"$ref": "#/$defs/code"},
          "tekst": {"type": ["string", "null"], "maxLength": 20000},
          "nu": {"type": ["string", "null"], "maxLength": 20000},
          "titel": {"type": ["string", "null"], "maxLength": 1000},
          "tijd": {"$ref": "#/$defs/tijd"},
          "editie": {"$ref": "#/$defs/editie"}
        }
      }
    }
  } /* schema: einde */;

  /* --- small helpers --------------------------------------------------------------------------- */

  function maak(tag, eigenschappen, kinderen) {
    var el = document.createElement(tag);
    Object.keys(eigenschappen || {}).forEach(function (k) {
      if (k === "tekst") el.textContent = eigenschappen[k];
      else if (k === "klasse") el.className = eigenschappen[k];
      else if (eigenschappen[k] === true) el.setAttribute(k, "");
      else if (eigenschappen[k] !== false && eigenschappen[k] != null) el.setAttribute(k, eigenschappen[k]);
    });
    (kinderen || []).forEach(function (kind) {
      el.append(kind);
    });
    return el;
  }

  function knop(tekst, klik, extra) {
    var b = maak("button", Object.assign({type: "button", klasse: "md-button", tekst: tekst}, extra || {}));
    b.addEventListener("click", klik);
    return b;
  }

  /* today in this browser's time zone, as an input type=date holds it (yyyy-mm-dd) */
  function vandaag() {
    var d = new Date();
    return [d.getFullYear(), twee(d.getMonth() + 1), twee(d.getDate())].join("-");
  }

  function normaal(tekst) {
    return (tekst || "").replace(/\s+/g, " ").trim();
  }

  /* the code from an anchor: w-d-08.2a is W-D-08.2a (README: Codes) */
  function code(id) {
    return id.replace(/^[^.]+/, function (actie) { return actie.toUpperCase(); });
  }

  function twee(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function datumtekst(d) {
    return twee(d.getDate()) + "-" + twee(d.getMonth() + 1) + "-" + d.getFullYear();
  }

  function kloktekst(d) {
    return twee(d.getHours()) + ":" + twee(d.getMinutes());
  }

  function moment(iso) {
    var d = new Date(iso);
    return isNaN(d) ? "?" : datumtekst(d) + " om " + kloktekst(d);
  }

  /* "Afgevinkt om 03:12", with the date when it was not today */
  function afgevinkt(iso) {
    var d = new Date(iso);
    if (isNaN(d)) return "Afgevinkt";
    var vandaag = datumtekst(new Date()) === datumtekst(d);
    return "Afgevinkt " + (vandaag ? "" : "op " + datumtekst(d) + " ") + "om " + kloktekst(d);
  }

  /* yyyy-mm-dd (input type=date) as dd-mm-jjjj */
  function leesbareDatum(waarde) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(waarde || "");
    return m ? m[3] + "-" + m[2] + "-" + m[1] : (waarde || "");
  }

  function aantal(n, enkelvoud, meervoud) {
    return n + " " + (n === 1 ? enkelvoud : meervoud);
  }

  function dagen(n) {
    return aantal(n, "dag", "dagen");
  }

  /* "2 vinkjes en 1 notitie" */
  function inhoudVan(record) {
    return aantal(Object.keys(record.vinkjes).length, "vinkje", "vinkjes") + " en " +
      aantal(Object.keys(record.notities).length, "notitie", "notities");
  }

  function kopie(waarde) {
    return JSON.parse(JSON.stringify(waarde));
  }

  /* a random incident id (crypto also works from file://, randomUUID does not) */
  function nieuwId() {
    var bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  /* --- the schema: the subset of JSON Schema it uses, with Dutch messages ------------------------ */

  var SOORTNAMEN = {string: "tekst", integer: "een geheel getal", number: "een getal", boolean: "waar of onwaar",
                    object: "een object", array: "een lijst", "null": "leeg (null)"};

  function soortVan(w) {
    if (w === null) return "null";
    if (Array.isArray(w)) return "array";
    if (typeof w === "number") return Number.isInteger(w) ? "integer" : "number";
    return typeof w;
  }

  function valideerTekst(w, s, fout) {
    if (s.maxLength != null && w.length > s.maxLength) fout("is langer dan " + s.maxLength + " tekens");
    if (s.pattern && !new RegExp(s.pattern, "u").test(w)) fout("heeft niet de vorm die hier hoort");
  }

  function valideerObject(w, s, pad, fouten, fout) {
    var sleutels = Object.keys(w);
    var eigen = Object.prototype.hasOwnProperty;
    if (s.maxProperties != null && sleutels.length > s.maxProperties) fout("heeft meer dan " + s.maxProperties + " onderdelen");
    (s.required || []).forEach(function (k) { if (!eigen.call(w, k)) fout("mist het veld \"" + k + "\""); });
    sleutels.forEach(function (k) {
      var sub = pad ? pad + " > " + k : k;
      if (s.propertyNames) valideer(k, s.propertyNames, sub, fouten);
      if (s.properties && eigen.call(s.properties, k)) valideer(w[k], s.properties[k], sub, fouten);
      else if (s.additionalProperties === false) fout("heeft een onbekend veld \"" + k + "\"");
      else if (s.additionalProperties) valideer(w[k], s.additionalProperties, sub, fouten);
    });
  }

  /* Adds a message per problem (at most a few) to `fouten`. */
  function valideer(w, s, pad, fouten) {
    if (fouten.length >= 5) return;
    if (s.$ref) s = SCHEMA.$defs[s.$ref.replace("#/$defs/", "")];
    function fout(tekst) { if (fouten.length < 5) fouten.push((pad || "het bestand") + ": " + tekst); }
    var soort = soortVan(w);
    var typen = s.type ? [].concat(s.type) : null;
    if (typen && !typen.some(function (t) { return t === soort || (t === "number" && soort === "integer"); })) {
      return fout("hoort " + typen.map(function (t) { return SOORTNAMEN[t]; }).join(" of ") + " te zijn");
    }
    if ("const" in s && w !== s.const) return fout("hoort " + JSON.stringify(s.const) + " te zijn");
    if (s.enum && s.enum.indexOf(w) < 0) return fout("hoort een van " + s.enum.join(", ") + " te zijn");
    if (soort === "string") valideerTekst(w, s, fout);
    if (soort === "array") {
      if (s.maxItems != null && w.length > s.maxItems) fout("heeft meer dan " + s.maxItems + " regels");
      if (s.items) w.forEach(function (item, i) { valideer(item, s.items, pad + " > " + (i + 1), fouten); });
    }
    if (soort === "object") valideerObject(w, s, pad, fouten, fout);
  }

  /* --- storage ------------------------------------------------------------------------------- */

  function sleutel(r) {
    return [SLEUTEL, encodeURIComponent(r.site), r.editie, r.pagina, r.incident].join("/");
  }

  /* Every checklist kept in this browser, of any site: [{sleutel, record}] (unreadable ones skipped). */
  function alleRecords() {
    var uitkomst = [];
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var k = localStorage.key(i);
        if (!k || k.indexOf(SLEUTEL + "/") !== 0) continue;
        var record = null;
        try { record = JSON.parse(localStorage.getItem(k)); } catch (e) { /* not ours */ }
        if (record && record.soort === SOORT) uitkomst.push({sleutel: k, record: record});
      }
    } catch (e) { /* no storage: nothing kept */ }
    return uitkomst;
  }

  function verwijder(k) {
    try { localStorage.removeItem(k); } catch (e) { /* nothing kept */ }
  }

  function leeftijd(record, nu) {
    var t = Date.parse(record.bijgewerkt);
    return isNaN(t) ? Infinity : nu - t;
  }

  /* Records of this site (and of the first version, which named no site) older than `bewaardagen`
     since their last change are removed; returns how many. */
  function ruimOp(site, bewaardagen, nu) {
    var weg = alleRecords().filter(function (r) {
      return (r.record.versie === 1 || r.record.site === site) && leeftijd(r.record, nu) >= bewaardagen * DAG;
    });
    weg.forEach(function (r) { verwijder(r.sleutel); });
    return weg.length;
  }

  /* A record of the first version (kader-checklijst/<edition>/<page>, no site, one per page) becomes
     an incident of this site. */
  function neemOud(site, pagina) {
    alleRecords().forEach(function (r) {
      var oud = r.record;
      if (oud.versie !== 1 || oud.pagina !== pagina) return;
      oud.versie = VERSIE;
      oud.site = site;
      oud.incident = nieuwId();
      oud.aangemaakt = oud.bijgewerkt = oud.bijgewerkt || new Date().toISOString();
      try { localStorage.setItem(sleutel(oud), JSON.stringify(oud)); } catch (e) { return; }
      verwijder(r.sleutel);
    });
  }

  /* oldest first; the incident id decides between two begun at the same moment */
  function opVolgorde(a, b) {
    return String(a.aangemaakt).localeCompare(String(b.aangemaakt)) || String(a.incident).localeCompare(String(b.incident));
  }

  function leeg(record) {
    var g = record.gegevens || {};
    return !Object.keys(record.vinkjes || {}).length && !Object.keys(record.notities || {}).length &&
      !(record.gewijzigd || []).length && !["incident", "adres", "naam"].some(function (k) { return g[k]; });
  }

  /* --- the site and the page ---------------------------------------------------------------------- */

  /* The site's root folder: from mkdocs-material's own scope (basis.js), this script's address, or
     the page's address. Two sites on one origin keep their checklists apart by it. */
  function siteadres(pagina) {
    if (window.__md_scope instanceof URL) return window.__md_scope.href;
    var m = /^(.*\/)assets\/javascripts\/kader\/checklijst\.js([?#].*)?$/.exec(SCRIPT);
    if (m) return m[1];
    var adres = location.href.split("#")[0].split("?")[0];
    var i = adres.lastIndexOf("/" + pagina);
    return i >= 0 ? adres.slice(0, i + 1) : adres;
  }

  function actieTitel(h2) {
    return normaal(Array.prototype.filter.call(h2.childNodes, function (n) {
      return !(n.classList && n.classList.contains("headerlink"));
    }).map(function (n) { return n.textContent; }).join(""));
  }

  /* The acties of the page, each with its handelingen and subpunten and where its note goes (after
     the list of handelingen). */
  function leesPagina(inhoud) {
    return Array.prototype.map.call(inhoud.querySelectorAll("h2.actie[id]"), function (h2) {
      var onderdelen = [];
      var el = h2.nextElementSibling;
      var laatste = h2;
      while (el && !el.matches("h2, .codelegenda, .editie")) {
        Array.prototype.forEach.call(el.querySelectorAll("span.handeling[id]"), function (span) {
          onderdelen.push(span);
        });
        if (el.matches("ul, ol, .actie-verwijzingen")) laatste = el;
        el = el.nextElementSibling;
      }
      return {id: h2.id, titel: actieTitel(h2), kop: h2, onderdelen: onderdelen, na: laatste};
    });
  }

  /* --- the checklist of one page --------------------------------------------------------------- */

  function Checklijst(houder) {
    this.houder = houder;
    this.editie = houder.getAttribute("data-editie");
    this.pagina = houder.getAttribute("data-pagina");
    this.bewaardagen = Math.max(1, parseInt(houder.getAttribute("data-bewaardagen"), 10) || 30);
    var root = siteadres(this.pagina);
    this.site = new URL(root).pathname;
    var canoniek = document.querySelector("link[rel=canonical]");
    var web = canoniek && /^https?:/.test(canoniek.href) && canoniek.href.lastIndexOf(this.pagina) > 0 ?
      canoniek.href.slice(0, canoniek.href.lastIndexOf(this.pagina)) : root;
    var schema = houder.getAttribute("data-schema") || "downloads/checklijst.schema.json";
    // from disk only its name: a saved file names no folder of this computer
    this.schema = /^https?:/.test(web) ? new URL(schema, web).href : schema.split("/").pop();
    this.inhoud = houder.closest("article") || document.body;
    this.acties = leesPagina(this.inhoud);
    this.teksten = {};
    var self = this;
    this.acties.forEach(function (actie) {
      actie.onderdelen.forEach(function (span) { self.teksten[span.id] = normaal(span.textContent); });
    });
    this.opgebouwd = [];  // what was added to the page: [element, undo]
    var gewist = ruimOp(this.site, this.bewaardagen, Date.now());
    neemOud(this.site, this.pagina);
    this.record = this.kies(null);
    this.bouwPaneel();
    if (this.record.aan) this.zetAan(false);
    if (gewist) {
      this.meld(gewist === 1 ? "Een checklijst is automatisch gewist: " + dagen(this.bewaardagen) + " niet gewijzigd." :
                gewist + " checklijsten zijn automatisch gewist: " + dagen(this.bewaardagen) + " niet gewijzigd.");
    }
  }

  Checklijst.prototype.nieuwRecord = function () {
    var nu = new Date().toISOString();
    return {soort: SOORT, versie: VERSIE, site: this.site, editie: this.editie, pagina: this.pagina,
            incident: nieuwId(), aangemaakt: nu, bijgewerkt: nu, aan: false, gegevens: {datum: vandaag()},
            vinkjes: {}, notities: {}, gewijzigd: [], overgenomenUit: null};
  };

  /* The incidents of this page on this site: per incident its record of this edition, or else its
     latest of another edition (taken over when chosen). */
  Checklijst.prototype.incidenten = function () {
    var self = this;
    var per = {};
    alleRecords().forEach(function (r) {
      var rec = r.record;
      if (rec.versie !== VERSIE || rec.site !== self.site || rec.pagina !== self.pagina || !rec.incident) return;
      var eerder = per[rec.incident];
      var beter = !eerder || (rec.editie === self.editie) > (eerder.editie === self.editie) ||
        ((rec.editie === self.editie) === (eerder.editie === self.editie) &&
         String(rec.bijgewerkt) > String(eerder.bijgewerkt));
      if (beter) per[rec.incident] = rec;
    });
    return Object.keys(per).map(function (k) { return per[k]; }).sort(opVolgorde);
  };

  Checklijst.prototype.keuzesleutel = function () {
    return [KEUZE, encodeURIComponent(this.site), this.pagina].join("/");
  };

  /* The incident `id` (or the one chosen last, or else the latest), fitted to this edition and page. */
  Checklijst.prototype.kies = function (id) {
    var lijst = this.incidenten();
    var laatst = null;
    try { laatst = localStorage.getItem(this.keuzesleutel()); } catch (e) { /* no storage */ }
    function met(i) { return lijst.filter(function (r) { return r.incident === i; })[0]; }
    var gekozen = met(id) || met(laatst) || lijst.slice().sort(function (a, b) {
      return String(b.bijgewerkt).localeCompare(String(a.bijgewerkt));
    })[0];
    if (!gekozen) return this.nieuwRecord();
    var pas = this.pas(gekozen);
    if (pas.veranderd) this.bewaar(pas.record);
    return pas.record;
  };

  /* A copy of a record fitted to this edition and page: ticks whose item's text differs, and notes
     whose actie is gone, are not applied but listed (gewijzigd). */
  Checklijst.prototype.pas = function (origineel) {
    var record = kopie(origineel);
    var veranderd = false;
    var nieuw = 0;
    ["vinkjes", "notities", "gegevens"].forEach(function (k) { record[k] = record[k] || {}; });
    record.gewijzigd = record.gewijzigd || [];
    record.overgenomenUit = record.overgenomenUit || null;
    record.site = this.site;
    if (record.editie !== this.editie) {
      record.overgenomenUit = record.editie;
      record.editie = this.editie;
      veranderd = true;
    }
    var acties = {};
    this.acties.forEach(function (a) { acties[a.id] = a; });
    for (var id in record.vinkjes) {
      var vinkje = record.vinkjes[id];
      var nu = this.teksten[id];
      if (nu === vinkje.tekst) continue;
      record.gewijzigd.push({soort: "vinkje", id: id, code: code(id), tekst: vinkje.tekst, nu: nu || null,
                             tijd: vinkje.tijd, editie: vinkje.editie});
      delete record.vinkjes[id];
      veranderd = true;
      nieuw++;
    }
    for (var actieId in record.notities) {
      var notitie = record.notities[actieId];
      if (acties[actieId]) {
        if (notitie.titel && notitie.titel !== acties[actieId].titel) {  // kept, but said
          record.gewijzigd.push({soort: "titel", id: actieId, code: code(actieId), tekst: notitie.titel,
                                 nu: acties[actieId].titel, editie: notitie.editie});
          notitie.titel = acties[actieId].titel;
          veranderd = true;
          nieuw++;
        }
        continue;
      }
      record.gewijzigd.push({soort: "notitie", id: actieId, code: code(actieId), tekst: notitie.tekst,
                             titel: notitie.titel, nu: null, editie: notitie.editie});
      delete record.notities[actieId];
      veranderd = true;
      nieuw++;
    }
    return {record: record, veranderd: veranderd, nieuw: nieuw};
  };

  /* Keeps a record (this one by default) in this browser; the UI state (aan) does not change its age. */
  Checklijst.prototype.bewaar = function (record) {
    record = record || this.record;
    try {
      localStorage.setItem(sleutel(record), JSON.stringify(record));
      return true;
    } catch (e) {
      if (this.status) this.meld("Opslaan in deze browser lukt niet; sla de checklijst op als bestand of druk haar af.");
      return false;
    }
  };

  /* What was filled in changed: the record's age starts again. */
  Checklijst.prototype.veranderd = function () {
    this.record.bijgewerkt = new Date().toISOString();
    this.bewaar();
    this.toonTermijn();
  };

  Checklijst.prototype.meld = function (tekst) {
    var status = this.status;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = tekst; }, 50);  // announced again when repeated
  };

  /* --- the panel ------------------------------------------------------------------------------- */

  /* The panel at the top: the switch, the privacy line, the notices, and (when on) the incident,
     the details, the hand-over and the buttons. */
  Checklijst.prototype.bouwPaneel = function () {
    var self = this;
    /* the state is aria-pressed for assistive technology and a visible word (Aan/Uit) for the eye;
       the accessible name stays the same (a toggle whose name changed would say the opposite) */
    this.stand = maak("span", {klasse: "checklijst-stand", "aria-hidden": "true", tekst: "Uit"});
    this.schakelaar = maak("button", {type: "button", klasse: "md-button checklijst-schakelaar",
                                      "aria-pressed": "false", "aria-controls": "checklijst-paneel"},
                           ["Checklijst gebruiken ", this.stand]);
    this.schakelaar.addEventListener("click", function () {
      if (self.record.aan) self.zetUit(); else self.zetAan(true);
    });
    var privacy = maak("p", {klasse: "checklijst-privacy", tekst:
      "Wat u hier invult blijft alleen in deze browser op dit apparaat; het wordt nergens naartoe gestuurd en " +
      dagen(this.bewaardagen) + " na de laatste wijziging automatisch gewist."});
    this.termijnen = maak("div", {klasse: "checklijst-termijnen"});
    this.melding = maak("div", {klasse: "checklijst-melding", role: "region",
                                "aria-labelledby": "checklijst-melding-kop", hidden: true});
    this.controle = maak("div", {klasse: "checklijst-controle", role: "region",
                                 "aria-labelledby": "checklijst-controle-kop", hidden: true});
    this.paneel = maak("div", {klasse: "checklijst-paneel", id: "checklijst-paneel", hidden: true});
    this.paneel.append(maak("h2", {klasse: "checklijst-kop", id: "checklijst", tekst: "Checklijst"}),
                       this.bouwKeuze(), this.bouwGegevens(), this.bouwOverdracht(), this.bouwWissen());
    this.status = maak("p", {klasse: "checklijst-status", role: "status"});
    this.houder.append(this.schakelaar, privacy, this.termijnen, this.melding, this.controle, this.paneel, this.status);
    this.houder.hidden = false;
    this.toon();
  };

  Checklijst.prototype.bouwKeuze = function () {
    var self = this;
    this.keuze = maak("select", {id: "checklijst-keuze", klasse: "checklijst-keuzelijst"});
    this.keuze.addEventListener("change", function () { self.wissel(self.keuze.value); });
    this.termijn = maak("p", {klasse: "checklijst-termijn"});
    return maak("div", {klasse: "checklijst-incidenten"}, [
      maak("p", {klasse: "checklijst-veld"}, [maak("label", {"for": "checklijst-keuze", tekst: "Kies het incident"}),
                                              this.keuze]),
      maak("p", {klasse: "checklijst-knoppen"}, [knop("Nieuw incident", function () { self.nieuw(); })]),
      this.termijn]);
  };

  Checklijst.prototype.bouwGegevens = function () {
    var self = this;
    var velden = maak("fieldset", {klasse: "checklijst-gegevens"}, [maak("legend", {tekst: "Gegevens van de inzet"})]);
    this.velden = {};
    this.veldAfdruk = {};
    GEGEVENS.forEach(function (g) {
      var invoer = maak("input", {type: g[2], id: "checklijst-" + g[0], name: g[0], autocomplete: "off",
                                  maxlength: g[2] === "text" ? String(LANGSTE.regel) : null});
      var afdruk = maak("span", {klasse: "checklijst-afdruk checklijst-veld-afdruk", "aria-hidden": "true"});
      invoer.addEventListener("input", function () {
        self.record.gegevens[g[0]] = invoer.value;
        afdruk.textContent = g[2] === "date" ? leesbareDatum(invoer.value) : invoer.value;
        self.veranderd();
        self.toonKeuze();
      });
      self.velden[g[0]] = invoer;
      self.veldAfdruk[g[0]] = afdruk;
      velden.append(maak("p", {klasse: "checklijst-veld"}, [
        maak("label", {"for": invoer.id, tekst: g[1]}), invoer, afdruk]));
    });
    return velden;
  };

  /* Saving for the next shift, and opening what an earlier shift saved (a file chooser). */
  Checklijst.prototype.bouwOverdracht = function () {
    var self = this;
    var kiezer = maak("input", {type: "file", id: "checklijst-bestand", klasse: "checklijst-bestand",
                                accept: ".json,application/json"});
    kiezer.addEventListener("change", function () {
      var bestand = kiezer.files && kiezer.files[0];
      kiezer.value = "";
      if (bestand) self.open(bestand);
    });
    this.kiezer = kiezer;
    return maak("fieldset", {klasse: "checklijst-gegevens checklijst-overdracht"}, [
      maak("legend", {tekst: "Overdracht aan de volgende dienst"}),
      maak("p", {klasse: "checklijst-knoppen"}, [
        knop("Opslaan als bestand", function () { self.exporteer("json"); }),
        knop("Opslaan als tekst", function () { self.exporteer("txt"); })]),
      maak("p", {klasse: "checklijst-veld checklijst-openen"}, [
        maak("label", {"for": kiezer.id, tekst: "Bestand van een vorige dienst openen (.json)"}), kiezer])]);
  };

  Checklijst.prototype.bouwWissen = function () {
    var self = this;
    return maak("p", {klasse: "checklijst-knoppen"}, [
      knop("Dit incident wissen", function () { self.wisIncident(); }),
      knop("Alles wissen", function () { self.wis(); })]);
  };

  /* Everything that shows the chosen record. */
  Checklijst.prototype.toon = function () {
    var r = this.record;
    for (var naam in this.velden) {
      var g = GEGEVENS.filter(function (x) { return x[0] === naam; })[0];
      var waarde = r.gegevens[naam] || (g[2] === "date" ? vandaag() : "");
      this.velden[naam].value = waarde;
      this.veldAfdruk[naam].textContent = g[2] === "date" ? leesbareDatum(waarde) : waarde;
    }
    this.toonKeuze();
    this.toonTermijn();
    this.toonMelding();
  };

  Checklijst.prototype.toonKeuze = function () {
    var self = this;
    var lijst = this.incidenten().filter(function (r) { return r.incident !== self.record.incident && !leeg(r); });
    lijst.push(this.record);
    lijst.sort(opVolgorde);
    this.keuze.textContent = "";
    lijst.forEach(function (r) {
      var g = r.gegevens || {};
      var tekst = (g.incident || "Incident zonder omschrijving") + (g.datum ? ", " + leesbareDatum(g.datum) : "") +
        " (gewijzigd " + moment(r.bijgewerkt) + (r.editie !== self.editie ? ", editie " + r.editie : "") + ")";
      self.keuze.append(maak("option", {value: r.incident, tekst: tekst}));
    });
    this.keuze.value = this.record.incident;
  };

  /* The age of the chosen record, and a notice for every incident of this page that is cleared soon. */
  Checklijst.prototype.toonTermijn = function () {
    var self = this;
    var nu = Date.now();
    var r = this.record;
    var einde = new Date(Date.parse(r.bijgewerkt) + this.bewaardagen * DAG);
    this.termijn.textContent = leeg(r) ? "" : "Laatst gewijzigd op " + moment(r.bijgewerkt) + " (" +
      (Math.floor(leeftijd(r, nu) / DAG) ? dagen(Math.floor(leeftijd(r, nu) / DAG)) + " geleden" : "vandaag") +
      "); zonder wijziging wordt deze checklijst op " + datumtekst(einde) + " automatisch gewist uit deze browser.";
    var vooraf = Math.min(7, Math.ceil(this.bewaardagen / 2)) * DAG;
    this.termijnen.textContent = "";
    this.incidenten().forEach(function (rec) {
      var rest = self.bewaardagen * DAG - leeftijd(rec, nu);
      if (leeg(rec) || rest > vooraf || rest <= 0) return;
      var over = Math.max(1, Math.ceil(rest / DAG));
      self.termijnen.append(maak("p", {klasse: "checklijst-waarschuwing", "data-incident": rec.incident, tekst:
        "Let op: de checklijst van " + ((rec.gegevens || {}).incident || "een incident zonder omschrijving") +
        " wordt over " + dagen(over) + " (op " + datumtekst(new Date(Date.parse(rec.bijgewerkt) + self.bewaardagen * DAG)) +
        ") automatisch gewist uit deze browser. Sla haar op als bestand als u haar nog nodig hebt."}));
    });
  };

  /* The lines that say what was not taken over, for the notice and the check of a file. */
  function wijzigingsregel(g) {
    if (g.soort === "titel") {
      return g.code + ": de actie heet nu \"" + g.nu + "\" (was \"" + g.tekst + "\"). De notitie staat er nog bij.";
    }
    if (g.soort === "notitie") {
      return g.code + " (notitie): deze actie staat niet meer op deze pagina. De notitie was: \"" + g.tekst + "\"";
    }
    var tijd = g.tijd ? " (" + afgevinkt(g.tijd).toLowerCase() + ")" : "";
    if (g.nu == null) return g.code + ": staat niet meer op deze pagina. Afgevinkt was: \"" + g.tekst + "\"" + tijd;
    return g.code + ": de tekst is nu \"" + g.nu + "\". Afgevinkt was: \"" + g.tekst + "\"" + tijd + ". Niet afgevinkt.";
  }

  function wijzigingslijst(gewijzigd) {
    var lijst = maak("ul");
    gewijzigd.forEach(function (g) { lijst.append(maak("li", {"data-code": g.code, tekst: wijzigingsregel(g)})); });
    return lijst;
  }

  /* Which items changed since the ticks were made, and that their ticks were not applied. */
  Checklijst.prototype.toonMelding = function () {
    var self = this;
    var r = this.record;
    var m = this.melding;
    m.textContent = "";
    if (!r.gewijzigd.length && !r.overgenomenUit) {
      m.hidden = true;
      return;
    }
    m.append(maak("h2", {id: "checklijst-melding-kop",
                         tekst: r.gewijzigd.length ? "Let op: gewijzigde onderdelen" : "Checklijst overgenomen"}));
    if (r.overgenomenUit) {
      m.append(maak("p", {tekst: "Deze checklijst is ingevuld bij editie " + r.overgenomenUit +
                                 "; deze pagina is editie " + this.editie + ". Vinkjes bij onderdelen waarvan de tekst gelijk is gebleven zijn overgenomen."}));
    }
    if (r.gewijzigd.length) {
      m.append(maak("p", {tekst: "Bij deze onderdelen is de tekst veranderd of vervallen sinds ze werden ingevuld. " +
                                 "Het vinkje of de notitie is daar niet overgenomen; bekijk ze opnieuw:"}),
               wijzigingslijst(r.gewijzigd));
    }
    m.append(maak("p", {}, [knop("Melding sluiten", function () {
      r.gewijzigd = [];
      r.overgenomenUit = null;
      self.bewaar();
      self.toonMelding();
      self.schakelaar.focus();
    })]));
    m.hidden = false;
  };

  Checklijst.prototype.zetAan = function (bewaren) {
    this.record.aan = true;
    this.schakelaar.setAttribute("aria-pressed", "true");
    this.stand.textContent = "Aan";
    if (!this.record.gegevens.datum) this.record.gegevens.datum = this.velden.datum.value;  // starts at today
    this.houder.classList.add("checklijst--aan");
    this.inhoud.classList.add("checklijst-actief");
    this.paneel.hidden = false;
    this.bouwLijst();
    if (bewaren) this.bewaar();
  };

  Checklijst.prototype.zetUit = function () {
    this.record.aan = false;
    this.schakelaar.setAttribute("aria-pressed", "false");
    this.stand.textContent = "Uit";
    this.houder.classList.remove("checklijst--aan");
    this.inhoud.classList.remove("checklijst-actief");
    this.paneel.hidden = true;
    this.breekLijstAf();
    this.bewaar();
  };

  /* --- incidents ------------------------------------------------------------------------------- */

  /* Leaving a record: one with nothing filled in is not kept. */
  Checklijst.prototype.laatLos = function () {
    if (leeg(this.record)) verwijder(sleutel(this.record));
  };

  /* Show `record` (chosen now) in place of the current one. */
  Checklijst.prototype.wordt = function (record) {
    var aan = !this.paneel.hidden;
    this.record = record;
    this.record.aan = aan;
    this.bewaar();
    try { localStorage.setItem(this.keuzesleutel(), record.incident); } catch (e) { /* no storage */ }
    this.toon();
    if (aan) this.bouwLijst();
  };

  Checklijst.prototype.wissel = function (id) {
    if (id === this.record.incident) return;
    this.laatLos();
    this.wordt(this.kies(id));
    this.meld("Incident gekozen: " + this.keuze.options[this.keuze.selectedIndex].textContent);
  };

  /* A second incident the same night: a new, empty checklist; the previous one stays in the list. */
  Checklijst.prototype.nieuw = function () {
    this.laatLos();
    this.wordt(this.nieuwRecord());
    this.meld("Nieuw incident begonnen; eerdere incidenten staan in de keuzelijst.");
    this.velden.incident.focus();
  };

  /* --- the list on the page -------------------------------------------------------------------- */

  /* A checkbox before every handeling and subpunt (the text is its label), the time it was ticked,
     and a note after every actie. */
  Checklijst.prototype.bouwLijst = function () {
    var self = this;
    this.breekLijstAf();
    this.acties.forEach(function (actie) {
      actie.onderdelen.forEach(function (span) { self.bouwVinkje(span); });
      self.bouwNotitie(actie);
    });
  };

  Checklijst.prototype.bouwVinkje = function (span) {
    var self = this;
    var id = span.id;
    var li = span.parentNode;
    var invoer = maak("input", {type: "checkbox", id: "checklijst-" + id, klasse: "checklijst-vink",
                                "aria-describedby": "checklijst-tijd-" + id});
    invoer.checked = Boolean(this.record.vinkjes[id]);
    var label = maak("label", {"for": invoer.id, klasse: "checklijst-label"});
    var afdruk = maak("span", {klasse: "checklijst-afdruk checklijst-vakje", "aria-hidden": "true"});
    var tijd = maak("span", {klasse: "checklijst-tijd", id: "checklijst-tijd-" + id});
    function toon() {
      var v = self.record.vinkjes[id];
      afdruk.textContent = v ? "[x]" : "[ ]";
      tijd.textContent = "";
      if (v) tijd.append(maak("time", {datetime: v.tijd, tekst: afgevinkt(v.tijd)}));
      tijd.hidden = !v;
    }
    invoer.addEventListener("change", function () {
      if (invoer.checked) {
        self.record.vinkjes[id] = {code: code(id), tijd: new Date().toISOString(), tekst: self.teksten[id],
                                   editie: self.editie};
      } else {
        delete self.record.vinkjes[id];
      }
      toon();
      self.veranderd();
    });
    toon();
    li.insertBefore(label, span);
    label.append(span);
    li.insertBefore(invoer, label);
    li.insertBefore(afdruk, invoer);
    label.after(tijd);
    li.classList.add("checklijst-regel");
    this.opgebouwd.push(function () {
      label.before(span);
      [afdruk, invoer, label, tijd].forEach(function (el) { el.remove(); });
      li.classList.remove("checklijst-regel");
    });
  };

  Checklijst.prototype.bouwNotitie = function (actie) {
    var self = this;
    var id = "checklijst-notitie-" + actie.id;
    var veld = maak("textarea", {id: id, rows: "2", klasse: "checklijst-notitieveld", maxlength: String(LANGSTE.notitie)});
    var notitie = this.record.notities[actie.id];
    veld.value = notitie ? notitie.tekst : "";
    var afdruk = maak("div", {klasse: "checklijst-afdruk checklijst-notitie-afdruk", "aria-hidden": "true",
                              tekst: veld.value});
    veld.addEventListener("input", function () {
      if (veld.value.trim()) {
        self.record.notities[actie.id] = {code: code(actie.id), titel: actie.titel, tekst: veld.value,
                                          editie: self.editie};
      } else {
        delete self.record.notities[actie.id];
      }
      afdruk.textContent = veld.value;
      self.veranderd();
    });
    var blok = maak("div", {klasse: "checklijst-notitie"}, [
      maak("label", {"for": id}, ["Notitie bij deze actie",
                                  maak("span", {klasse: "visueel-verborgen", tekst: " (" + actie.titel + ")"})]),
      veld, afdruk]);
    actie.na.after(blok);
    this.opgebouwd.push(function () { blok.remove(); });
  };

  Checklijst.prototype.breekLijstAf = function () {
    this.opgebouwd.splice(0).reverse().forEach(function (ongedaan) { ongedaan(); });
  };

  /* --- clearing -------------------------------------------------------------------------------- */

  /* The keys of this page on this site (every edition), of one incident or all. */
  Checklijst.prototype.sleutelsVan = function (incident) {
    var self = this;
    return alleRecords().filter(function (r) {
      var rec = r.record;
      if (rec.versie === 1) return !incident && rec.pagina === self.pagina;
      return rec.site === self.site && rec.pagina === self.pagina && (!incident || rec.incident === incident);
    }).map(function (r) { return r.sleutel; });
  };

  Checklijst.prototype.begin = function (tekst) {
    var aan = !this.paneel.hidden;
    this.record = this.kies(null);
    this.record.aan = aan;
    this.toon();
    if (aan) {
      this.bouwLijst();
      this.bewaar();
    }
    this.meld(tekst);
  };

  /* Ask first; then remove this incident (of every edition) from this browser. */
  Checklijst.prototype.wisIncident = function () {
    if (!window.confirm("Dit incident wissen: vinkjes, tijden, notities en gegevens? De andere incidenten " +
                        "blijven. Dit kan niet ongedaan worden gemaakt.")) {
      this.meld("Niets gewist.");
      return;
    }
    this.sleutelsVan(this.record.incident).forEach(verwijder);
    this.begin("Incident gewist.");
  };

  /* Ask first; then remove every incident of this page on this site, of every edition. */
  Checklijst.prototype.wis = function () {
    if (!window.confirm("Alles wissen wat op deze pagina is ingevuld, bij alle incidenten: vinkjes, tijden, " +
                        "notities en gegevens? Dit kan niet ongedaan worden gemaakt.")) {
      this.meld("Niets gewist.");
      return;
    }
    this.sleutelsVan(null).concat([this.keuzesleutel()]).forEach(verwijder);
    this.begin("Alles gewist.");
  };

  /* --- saving and opening for the next shift ------------------------------------------------- */

  Checklijst.prototype.titel = function () {
    return normaal((document.querySelector("h1") || {}).textContent || "").replace(/\u00b6$/, "");
  };

  /* The record as readable text. */
  Checklijst.prototype.tekst = function () {
    var r = this.record;
    var self = this;
    var regels = [
      "Checklijst: " + this.titel(),
      "Landelijk handelingskader bij aanslagen met explosieven, editie " + this.editie,
      "Pagina: " + (/^https?:/.test(location.protocol) ? location.href.split("#")[0] : this.pagina + " (van schijf geopend)"),
      "Opgeslagen: " + datumtekst(new Date()) + " " + kloktekst(new Date()),
      ""
    ];
    GEGEVENS.forEach(function (g) {
      var waarde = r.gegevens[g[0]] || "";
      regels.push(g[1] + ": " + (g[2] === "date" ? leesbareDatum(waarde) : waarde));
    });
    this.acties.forEach(function (actie) {
      regels.push("", actie.titel);
      actie.onderdelen.forEach(function (span) {
        var v = r.vinkjes[span.id];
        var inspringen = span.classList.contains("subpunt") ? "    " : "";
        regels.push(inspringen + (v ? "[x] " : "[ ] ") + code(span.id) + " " + self.teksten[span.id] +
                    (v ? " (" + afgevinkt(v.tijd).toLowerCase() + ")" : ""));
      });
      var n = r.notities[actie.id];
      if (n) regels.push("Notitie: " + n.tekst.replace(/\r?\n/g, "\n    "));
    });
    if (r.gewijzigd.length) {
      regels.push("", "Niet overgenomen (tekst veranderd of vervallen):");
      r.gewijzigd.forEach(function (g) {
        regels.push("- " + g.code + (g.soort === "vinkje" ? "" : " (" + g.soort + ")") + ": \"" + g.tekst + "\"" +
                    (g.tijd ? " (" + afgevinkt(g.tijd).toLowerCase() + ")" : ""));
      });
    }
    regels.push("", "Dit bestand is gemaakt in de browser op dit apparaat; er is niets verstuurd.", "");
    return regels.join("\r\n");
  };

  /* The record as the file for the next shift (SCHEMA): without what only this browser needs. */
  Checklijst.prototype.bestand = function () {
    var r = this.record;
    var bestand = {"$schema": this.schema, soort: SOORT, versie: VERSIE, editie: r.editie, pagina: r.pagina,
                   titel: this.titel(), incident: r.incident, aangemaakt: r.aangemaakt, bijgewerkt: r.bijgewerkt,
                   opgeslagen: new Date().toISOString(), gegevens: r.gegevens, vinkjes: r.vinkjes,
                   notities: r.notities, gewijzigd: r.gewijzigd, overgenomenUit: r.overgenomenUit,
                   tekst: this.tekst().replace(/\r\n$/, "").split("\r\n")};
    if (/^https?:/.test(location.protocol)) bestand.adres = location.href.split("#")[0];
    return JSON.stringify(bestand, null, 2) + "\n";
  };

  Checklijst.prototype.exporteer = function (soort) {
    var nu = new Date();
    var naam = "checklijst-" + this.pagina.replace(/\//g, "-") + "-" + this.editie + "-" +
               nu.getFullYear() + twee(nu.getMonth() + 1) + twee(nu.getDate()) + "-" +
               twee(nu.getHours()) + twee(nu.getMinutes()) + "-" + this.record.incident.slice(0, 6) + "." + soort;
    var blob = soort === "json" ? new Blob([this.bestand()], {type: "application/json"}) :
      new Blob(["\uFEFF" + this.tekst()], {type: "text/plain;charset=utf-8"});
    var url = URL.createObjectURL(blob);
    var a = maak("a", {href: url, download: naam, hidden: true});
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    this.meld("Bestand " + naam + " gemaakt; het staat bij uw downloads." +
              (soort === "json" ? " Open het op dit apparaat of een ander met Bestand van een vorige dienst openen." : ""));
  };

  /* A file chosen to open: read, checked, and then taken over (or first shown with its differences). */
  Checklijst.prototype.open = function (bestand) {
    var self = this;
    if (bestand.size > GROOTSTE) {
      this.weiger(bestand.name, ["het bestand is groter dan 2 MB"]);
      return;
    }
    bestand.text().then(function (tekst) { self.lees(tekst, bestand.name); },
                        function () { self.weiger(bestand.name, ["het bestand is niet te lezen"]); });
  };

  Checklijst.prototype.lees = function (tekst, naam) {
    var data;
    try {
      data = JSON.parse(tekst.replace(/^\uFEFF/, ""));
    } catch (e) {
      this.weiger(naam, ["het is geen JSON. Kies het .json-bestand dat met Opslaan als bestand is gemaakt " +
                         "(het .txt-bestand is alleen om te lezen)."]);
      return;
    }
    var fouten = [];
    if (!data || typeof data !== "object" || data.soort !== SOORT) {
      fouten.push("het is geen checklijst van het handelingskader");
    } else if (data.versie !== VERSIE) {
      fouten.push("het is gemaakt met een andere versie van de checklijst (" + JSON.stringify(data.versie) + ")");
    } else {
      valideer(data, SCHEMA, "", fouten);
    }
    if (!fouten.length && data.pagina !== this.pagina) {
      fouten.push("het is de checklijst van een andere pagina (" + (data.titel || data.pagina) +
                  "); open het op die pagina");
    }
    if (fouten.length) {
      this.weiger(naam, fouten);
      return;
    }
    var pas = this.pas(data);
    if (data.editie !== this.editie || pas.nieuw) this.toonControle(naam, data, pas.record);
    else this.neemOver(pas.record, naam);
  };

  /* A file that cannot be opened: what is wrong, in a status message; nothing changes. */
  Checklijst.prototype.weiger = function (naam, fouten) {
    this.controle.hidden = true;
    this.meld("Het bestand " + naam + " is niet geopend: " + fouten.join("; ").replace(/[.]$/, "") +
              ". Er is niets veranderd.");
  };

  /* A record of another edition, or whose texts differ: its differences first, then the reader decides. */
  Checklijst.prototype.toonControle = function (naam, data, record) {
    var self = this;
    var c = this.controle;
    var nieuw = record.gewijzigd.slice((data.gewijzigd || []).length);
    c.textContent = "";
    var kop = maak("h2", {id: "checklijst-controle-kop", tabindex: "-1", tekst: "Bestand controleren voor u het overneemt"});
    c.append(kop, maak("p", {tekst: "Het bestand " + naam + " (" + ((data.gegevens || {}).incident || "incident zonder omschrijving") +
                                    ") is ingevuld bij editie " + data.editie + "; deze pagina is editie " + this.editie + "."}));
    if (nieuw.length) {
      c.append(maak("p", {tekst: "Bij deze onderdelen is de tekst veranderd of vervallen. Het vinkje of de notitie " +
                                 "wordt daar niet overgenomen:"}), wijzigingslijst(nieuw));
    }
    c.append(maak("p", {tekst: "Wat gelijk is gebleven wordt overgenomen: " + inhoudVan(record) +
                               ", met de gegevens van de inzet."}));
    c.append(maak("p", {klasse: "checklijst-knoppen"}, [
      knop("Overnemen wat gelijk is", function () { c.hidden = true; self.neemOver(record, naam); self.kiezer.focus(); }),
      knop("Niet overnemen", function () { c.hidden = true; self.meld("Niets overgenomen uit " + naam + "."); self.kiezer.focus(); })]));
    c.hidden = false;
    kop.focus();
  };

  /* The record of a file becomes an incident in this browser (the same incident is replaced, when the
     reader agrees); its age starts now. */
  Checklijst.prototype.neemOver = function (record, naam) {
    var bestaand = this.incidenten().filter(function (r) { return r.incident === record.incident; })[0];
    if (bestaand && !leeg(bestaand) && !window.confirm("Dit incident staat al in deze browser (gewijzigd " +
        moment(bestaand.bijgewerkt) + "). Vervangen door het bestand " + naam + "?")) {
      this.meld("Niets overgenomen uit " + naam + ".");
      return;
    }
    ["$schema", "titel", "adres", "opgeslagen", "tekst"].forEach(function (k) { delete record[k]; });
    record.bijgewerkt = new Date().toISOString();
    if (this.record.incident !== record.incident) this.laatLos();
    this.wordt(record);
    if (this.paneel.hidden) this.zetAan(true);
    this.meld("Bestand " + naam + " geopend: " + inhoudVan(record) + " overgenomen.");
  };

  /* --- start ------------------------------------------------------------------------------------ */

  function start() {
    var houder = document.querySelector("div.checklijst[data-editie][data-pagina]");
    if (!houder || houder.hasAttribute("data-gestart")) return;
    houder.setAttribute("data-gestart", "");
    new Checklijst(houder);
  }

  // with instant navigation mkdocs-material announces every new page on document$
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
