/* Checklist mode for the pages per object type and phase (README: "Checklijst tijdens de inzet").
   A checkbox per handeling and subpunt with the time it was ticked, a note per actie and the details
   of the incident at the top. Everything stays in this browser (localStorage, one record per edition
   and page) and is never sent anywhere. Progressive enhancement: without this script the page is as
   it was; the script needs no inline script and writes no style, for the intranet's strict
   Content-Security-Policy (deploy/beveiliging.conf). Every tick keeps the text it was given to: a
   record from another edition, or one whose text differs, is never applied silently to a changed
   item (the reader is told which items changed). Loaded by overrides/main.html on the pages that
   have its place (macros/web/sjablonen/_checklijst.md).
   The texts below use ASCII and Latin-1 only: the web fonts keep those and the pages' own characters
   (macros/web/lettertypen.py). */
(function () {
  "use strict";

  var SLEUTEL = "kader-checklijst";  // localStorage key: kader-checklijst/<edition>/<page>
  var SOORT = "handelingskader-checklijst";
  var GEGEVENS = [
    ["incident", "Incident", "text"],
    ["adres", "Adres", "text"],
    ["datum", "Datum", "date"],
    ["naam", "Naam", "text"]
  ];
  var PRIVACY = "Wat u hier invult blijft alleen in deze browser op dit apparaat; het wordt nergens naartoe gestuurd.";

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

  /* today in this browser's time zone, as an input type=date holds it (yyyy-mm-dd) */
  function vandaag() {
    var d = new Date();
    return [d.getFullYear(), ("0" + (d.getMonth() + 1)).slice(-2), ("0" + d.getDate()).slice(-2)].join("-");
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

  /* --- storage ------------------------------------------------------------------------------- */

  function lees(sleutel) {
    try {
      var record = JSON.parse(localStorage.getItem(sleutel));
      return record && record.soort === SOORT ? record : null;
    } catch (e) {
      return null;
    }
  }

  function sleutelsVanPagina(pagina) {
    var sleutels = [];
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var k = localStorage.key(i);
        var delen = k ? k.split("/") : [];
        if (delen[0] === SLEUTEL && delen.slice(2).join("/") === pagina) sleutels.push(k);
      }
    } catch (e) { /* no storage: nothing kept */ }
    return sleutels;
  }

  function leegRecord(editie, pagina) {
    return {soort: SOORT, versie: 1, editie: editie, pagina: pagina, aan: false, gegevens: {},
            vinkjes: {}, notities: {}, gewijzigd: [], overgenomenUit: null, bijgewerkt: null};
  }

  /* --- the page ------------------------------------------------------------------------------- */

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
    this.sleutel = SLEUTEL + "/" + this.editie + "/" + this.pagina;
    this.inhoud = houder.closest("article") || document.body;
    this.acties = leesPagina(this.inhoud);
    this.teksten = {};
    var self = this;
    this.acties.forEach(function (actie) {
      actie.onderdelen.forEach(function (span) { self.teksten[span.id] = normaal(span.textContent); });
    });
    this.opgebouwd = [];  // what was added to the page: [element, undo]
    this.record = this.laad();
    this.bouwPaneel();
    if (this.record.aan) this.zetAan(false);
  }

  /* The record of this edition, or one of another edition taken over; ticks and notes whose item
     changed are not applied but listed. */
  Checklijst.prototype.laad = function () {
    var record = lees(this.sleutel);
    var veranderd = false;
    if (!record) {
      var self = this;
      var ander = sleutelsVanPagina(this.pagina).filter(function (k) { return k !== self.sleutel; })
        .map(lees).filter(Boolean)
        .sort(function (a, b) { return String(b.bijgewerkt).localeCompare(String(a.bijgewerkt)); })[0];
      if (!ander) return leegRecord(this.editie, this.pagina);
      record = ander;
      record.overgenomenUit = ander.editie;
      record.editie = this.editie;
      veranderd = true;
    }
    record.vinkjes = record.vinkjes || {};
    record.notities = record.notities || {};
    record.gegevens = record.gegevens || {};
    record.gewijzigd = record.gewijzigd || [];
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
    }
    for (var actieId in record.notities) {
      var notitie = record.notities[actieId];
      if (acties[actieId]) {
        if (notitie.titel && notitie.titel !== acties[actieId].titel) {  // kept, but said
          record.gewijzigd.push({soort: "titel", id: actieId, code: code(actieId), tekst: notitie.titel,
                                 nu: acties[actieId].titel, editie: notitie.editie});
          notitie.titel = acties[actieId].titel;
          veranderd = true;
        }
        continue;
      }
      record.gewijzigd.push({soort: "notitie", id: actieId, code: code(actieId), tekst: notitie.tekst,
                             titel: notitie.titel, nu: null, editie: notitie.editie});
      delete record.notities[actieId];
      veranderd = true;
    }
    if (veranderd) this.bewaar(record);
    return record;
  };

  Checklijst.prototype.bewaar = function (record) {
    record = record || this.record;
    record.bijgewerkt = new Date().toISOString();
    try {
      localStorage.setItem(this.sleutel, JSON.stringify(record));
      return true;
    } catch (e) {
      if (this.status) this.meld("Opslaan in deze browser lukt niet; sla de checklijst op als bestand of druk haar af.");
      return false;
    }
  };

  Checklijst.prototype.meld = function (tekst) {
    var status = this.status;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = tekst; }, 50);  // announced again when repeated
  };

  /* The panel at the top: the switch, the notice, the details, the buttons and the changes. */
  Checklijst.prototype.bouwPaneel = function () {
    var self = this;
    var h = this.houder;
    /* the state is aria-pressed for assistive technology and a visible word (Aan/Uit) for the eye;
       the accessible name stays the same (a toggle whose name changed would say the opposite) */
    this.stand = maak("span", {klasse: "checklijst-stand", "aria-hidden": "true", tekst: "Uit"});
    this.schakelaar = maak("button", {type: "button", klasse: "md-button checklijst-schakelaar",
                                      "aria-pressed": "false", "aria-controls": "checklijst-paneel"},
                           ["Checklijst gebruiken ", this.stand]);
    this.schakelaar.addEventListener("click", function () {
      if (self.record.aan) self.zetUit(); else self.zetAan(true);
    });
    var privacy = maak("p", {klasse: "checklijst-privacy", tekst: PRIVACY});
    this.paneel = maak("div", {klasse: "checklijst-paneel", id: "checklijst-paneel", hidden: true});
    this.paneel.append(maak("h2", {klasse: "checklijst-kop", id: "checklijst", tekst: "Checklijst"}));

    this.melding = maak("div", {klasse: "checklijst-melding", role: "region",
                                "aria-labelledby": "checklijst-melding-kop", hidden: true});

    var velden = maak("fieldset", {klasse: "checklijst-gegevens"}, [maak("legend", {tekst: "Gegevens van de inzet"})]);
    this.velden = {};
    GEGEVENS.forEach(function (g) {
      var invoer = maak("input", {type: g[2], id: "checklijst-" + g[0], name: g[0], autocomplete: "off"});
      var afdruk = maak("span", {klasse: "checklijst-afdruk checklijst-veld-afdruk", "aria-hidden": "true"});
      invoer.value = self.record.gegevens[g[0]] || (g[2] === "date" ? vandaag() : "");
      afdruk.textContent = g[2] === "date" ? leesbareDatum(invoer.value) : invoer.value;
      invoer.addEventListener("input", function () {
        self.record.gegevens[g[0]] = invoer.value;
        afdruk.textContent = g[2] === "date" ? leesbareDatum(invoer.value) : invoer.value;
        self.bewaar();
      });
      self.velden[g[0]] = invoer;
      velden.append(maak("p", {klasse: "checklijst-veld"}, [
        maak("label", {"for": invoer.id, tekst: g[1]}), invoer, afdruk]));
    });
    this.paneel.append(velden);

    var opslaan = maak("button", {type: "button", klasse: "md-button", tekst: "Opslaan als bestand"});
    opslaan.addEventListener("click", function () { self.exporteer(); });
    var wissen = maak("button", {type: "button", klasse: "md-button", tekst: "Alles wissen"});
    wissen.addEventListener("click", function () { self.wis(); });
    this.paneel.append(maak("p", {klasse: "checklijst-knoppen"}, [opslaan, " ", wissen]));
    this.status = maak("p", {klasse: "checklijst-status", role: "status"});

    h.append(this.schakelaar, privacy, this.melding, this.paneel, this.status);
    h.hidden = false;
    this.toonMelding();
  };

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
      m.append(maak("p", {tekst: "Bij deze onderdelen is de tekst veranderd of vervallen sinds u ze invulde. " +
                                 "Uw vinkje of notitie is daar niet overgenomen; bekijk ze opnieuw:"}));
      var lijst = maak("ul");
      r.gewijzigd.forEach(function (g) {
        var regel;
        if (g.soort === "titel") {
          regel = g.code + ": de actie heet nu \"" + g.nu + "\" (was \"" + g.tekst + "\"). Uw notitie staat er nog bij.";
        } else if (g.soort === "notitie") {
          regel = g.code + " (notitie): deze actie staat niet meer op deze pagina. Uw notitie was: \"" + g.tekst + "\"";
        } else if (g.nu == null) {
          regel = g.code + ": staat niet meer op deze pagina. U had afgevinkt: \"" + g.tekst + "\"" +
                  (g.tijd ? " (" + afgevinkt(g.tijd).toLowerCase() + ")" : "");
        } else {
          regel = g.code + ": de tekst is nu \"" + g.nu + "\". U had afgevinkt: \"" + g.tekst + "\"" +
                  (g.tijd ? " (" + afgevinkt(g.tijd).toLowerCase() + ")" : "") + ". Niet afgevinkt.";
        }
        var item = maak("li", {"data-code": g.code, tekst: regel});
        lijst.append(item);
      });
      m.append(lijst);
    }
    var gezien = maak("button", {type: "button", klasse: "md-button", tekst: "Melding sluiten"});
    gezien.addEventListener("click", function () {
      r.gewijzigd = [];
      r.overgenomenUit = null;
      self.bewaar();
      self.toonMelding();
      self.schakelaar.focus();
    });
    m.append(maak("p", {}, [gezien]));
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
    var vinkje = this.record.vinkjes[id];
    var invoer = maak("input", {type: "checkbox", id: "checklijst-" + id, klasse: "checklijst-vink",
                                "aria-describedby": "checklijst-tijd-" + id});
    invoer.checked = Boolean(vinkje);
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
      self.bewaar();
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
    var veld = maak("textarea", {id: id, rows: "2", klasse: "checklijst-notitieveld"});
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
      self.bewaar();
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

  /* Ask first; then remove this page's records of every edition. */
  Checklijst.prototype.wis = function () {
    if (!window.confirm("Alles wissen wat u op deze pagina hebt ingevuld: vinkjes, tijden, notities en " +
                        "gegevens? Dit kan niet ongedaan worden gemaakt.")) {
      this.meld("Niets gewist.");
      return;
    }
    sleutelsVanPagina(this.pagina).forEach(function (k) {
      try { localStorage.removeItem(k); } catch (e) { /* nothing kept */ }
    });
    var aan = this.record.aan;
    this.record = leegRecord(this.editie, this.pagina);
    this.record.aan = aan;
    for (var naam in this.velden) this.velden[naam].value = "";
    this.paneel.querySelectorAll(".checklijst-veld-afdruk").forEach(function (el) { el.textContent = ""; });
    this.toonMelding();
    if (aan) {
      this.bouwLijst();
      this.bewaar();
    }
    this.meld("Alles gewist.");
  };

  /* The record as a text file the reader saves, for the next shift. */
  Checklijst.prototype.tekst = function () {
    var r = this.record;
    var self = this;
    var titel = normaal((document.querySelector("h1") || {}).textContent || "").replace(/\u00b6$/, "");
    var regels = [
      "Checklijst: " + titel,
      "Landelijk handelingskader bij aanslagen met explosieven, editie " + this.editie,
      "Pagina: " + location.href.split("#")[0],
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

  Checklijst.prototype.exporteer = function () {
    var nu = new Date();
    var naam = "checklijst-" + this.pagina.replace(/\//g, "-") + "-" + this.editie + "-" +
               nu.getFullYear() + twee(nu.getMonth() + 1) + twee(nu.getDate()) + "-" +
               twee(nu.getHours()) + twee(nu.getMinutes()) + ".txt";
    var blob = new Blob(["\uFEFF" + this.tekst()], {type: "text/plain;charset=utf-8"});
    var url = URL.createObjectURL(blob);
    var a = maak("a", {href: url, download: naam, hidden: true});
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    this.meld("Bestand " + naam + " gemaakt; het staat bij uw downloads.");
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
