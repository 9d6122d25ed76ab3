/* The search index fetched when the reader searches, not with every page (macros/zoeken/uitstel.py).
   Put before mkdocs-material's search worker by the build (macros/zoeken/worker.py): it wraps the
   worker's message handler.

   The page sends SETUP with the configuration of the index and no documents, plus the address of
   the whole index (config.zoekindex, from the site's root) and of the kader's extension
   (config.zoekuitbreiding). The worker answers READY at once, so the search field works. The first
   query that is not empty fetches the whole index, meanwhile loads the extension, and sets the
   worker up with them; the queries typed meanwhile wait, and only the last is answered (the page
   shows the answer to the last one anyway). A failed fetch (a dropped connection, a busy server) is tried
   again after 0.4 s and 0.8 s; if the whole index still cannot be fetched, the query is answered
   from the empty index (no results) and the next query tries again.

   The page's start-up script (overrides/assets/javascripts/kader/basis.js) sends VOORLADEN when the
   reader puts the cursor in the search field: the whole index is fetched then, while they type. An
   answer is only given to the last query the page sent: one given meanwhile (the empty field,
   answered at once) makes a waiting one stale. */
(function () {
  "use strict"
  var SETUP = 0, READY = 1, QUERY = 2, VOORLADEN = 9  /* 9: the kader's own message (basis.js) */
  var ROOT = "../../../"  /* from assets/javascripts/workers/ to the site's root */
  var POGINGEN = 3, WACHTEN = 400  /* fetches of the whole index per query; ms before the 2nd, twice that before the 3rd */
  var aanmelden = self.addEventListener

  /* Sets the worker up with the whole index; resolves when mkdocs-material's handler is ready,
     whose READY the page does not get a second time. The language scripts of lunr were loaded by
     the first SETUP: not loaded again. */
  function zetOp(luisteraar, setup, index) {
    return new Promise(function (klaar) {
      var versturen = self.postMessage, laadScripts = self.importScripts
      self.importScripts = function () {}
      self.postMessage = function (bericht) {
        if (!bericht || bericht.type !== READY) return versturen.apply(self, arguments)
        self.postMessage = versturen
        self.importScripts = laadScripts
        klaar()
      }
      var data = Object.assign({}, setup.data, { config: index.config, docs: index.docs })
      luisteraar({ data: { type: SETUP, data: data } })
    })
  }

  /* The whole index, fetched again after a failure until POGINGEN attempts failed. */
  function ophalen(adres, poging) {
    return fetch(adres)
      .then(function (antwoord) {
        if (!antwoord.ok) throw new Error(antwoord.status + " " + antwoord.url)
        return antwoord.json()
      })
      .catch(function (fout) {
        if (poging >= POGINGEN) throw fout
        return new Promise(function (verder) { setTimeout(verder, WACHTEN * poging) })
          .then(function () { return ophalen(adres, poging + 1) })
      })
  }

  self.addEventListener = function (soort, luisteraar, opties) {
    if (soort !== "message") return aanmelden.apply(self, arguments)
    var setup = null, laden = null, laatste = null, uitgebreid = false, voorladen = false

    function adres(pad) { return new URL(ROOT + pad, self.location.href) }

    /* The extension, once, while the index is on its way (importScripts blocks; a failure is a
       failed fetch: tried again with the next query). */
    function uitbreiden() {
      var pad = setup.data.config.zoekuitbreiding
      if (pad && !uitgebreid) self.importScripts(adres(pad))
      uitgebreid = true
    }

    function volledig() {
      laden = laden || Promise.all([ophalen(adres(setup.data.config.zoekindex), 1), new Promise(function (klaar) { klaar(uitbreiden()) })])
        .then(function (klaar) { return zetOp(luisteraar, setup, klaar[0]) })
        .then(function () { setup = null })
        .catch(function (fout) { laden = null; console.warn("zoekindex niet geladen:", fout) })
      return laden
    }

    return aanmelden.call(self, "message", function (ev) {
      var bericht = ev.data || {}
      if (bericht.type === VOORLADEN) {
        voorladen = true
        if (setup) volledig()
        return
      }
      if (bericht.type === QUERY) laatste = ev
      if (bericht.type === SETUP && bericht.data.config.zoekindex) {
        setup = bericht
        if (voorladen) volledig()
      } else if (setup && bericht.type === QUERY && String(bericht.data).trim()) {
        volledig().then(function () { if (laatste === ev) luisteraar(ev) })
        return
      }
      return luisteraar(ev)
    }, opties)
  }
})()
