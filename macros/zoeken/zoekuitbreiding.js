/* The kader's search extension, appended to mkdocs-material's search worker by the build
   (macros/zoeken/worker.py); the index it searches is shaped by macros/zoeken/index.py.

   mkdocs-material makes every word of a query a prefix search ("kanalen" -> "kanalen*"). Per word
   this adds:
   - the exact word, weighted above words that only begin with it (SLACHTOFFERS above
     SLACHTOFFERSCHAP for "slachtoffers");
   - the words one letter away (one typo), for words of five letters or more, weighted below;
   - for a word the index does not hold, two parts that it does hold (the reader wrote a compound
     as one word: "schadeonderzoek" -> schade + onderzoek);
   results with every word come first, then those with some of them;
   and it drops Dutch stop words ("in", "de") that would otherwise find every word beginning with
   them, also from the words a result is said to lack. Nothing leaves the browser. */
(function () {
  "use strict"
  var EXACT = 10, TIKFOUT = 0.3, MIN_PREFIX = 3, MIN_TIKFOUT = 5, MIN_DEEL = 3

  function stopwoord(woord) {
    var filter = lunr.nl && lunr.nl.stopWordFilter
    return !!filter && !filter(woord)
  }

  /* The split of a word into two words of the index with the longest shorter part, if any;
     a linking -s- (veiligheidsregio) may sit between them. */
  function delen(woord, index) {
    var beste = null
    for (var i = MIN_DEEL; i <= woord.length - MIN_DEEL; i++) {
      var links = woord.slice(0, i), rechts = woord.slice(i)
      if (!(rechts in index) || rechts.length < MIN_DEEL) continue
      if (!(links in index) && links.slice(-1) === "s" && links.slice(0, -1) in index)
        links = links.slice(0, -1)
      if (!(links in index)) continue
      if (!beste || Math.min(links.length, rechts.length) > Math.min(beste[0].length, beste[1].length))
        beste = [links, rechts]
    }
    return beste || []
  }

  var Query = lunr.Query

  /* The words of the query as the reader meant them: stop words dropped (unless nothing else is
     left), a word the index does not know split into two words it does. */
  function woordenVan(clauses, index, tokens) {
    var woorden = clauses.filter(function (c) { return !stopwoord(c.term.replace(/\*/g, "")) })
    if (!woorden.length) woorden = clauses
    return woorden.reduce(function (lijst, clause) {
      var woord = clause.term.replace(/\*/g, "")
      var bekend = woord in index || tokens.intersect(lunr.TokenSet.fromString(woord + "*")).toArray().length
      var delen_ = bekend || clause.presence === Query.presence.PROHIBITED ? [] : delen(woord, index)
      return lijst.concat(delen_.length ? delen_.map(function (d) { return { woord: d, clause: clause } })
                                        : [{ woord: woord, clause: clause }])
    }, [])
  }

  /* Per word: the prefix (required when every word must match), the exact word, one typo; a word
     of one or two letters only as typed. */
  function vraag(woorden, alle) {
    return function (query) {
      woorden.forEach(function (w) {
        var basis = { fields: w.clause.fields, usePipeline: false, wildcard: Query.wildcard.NONE,
                      presence: Query.presence.OPTIONAL }
        if (w.clause.presence === Query.presence.PROHIBITED || !w.woord) {
          query.clause(w.clause)
          return
        }
        var nodig = alle ? Query.presence.REQUIRED : Query.presence.OPTIONAL
        if (w.woord.length < MIN_PREFIX) {  /* 'w', 'd' of W-D-03: as typed, not every word with w */
          query.clause(Object.assign({}, basis, { term: w.woord, boost: EXACT, presence: nodig }))
          return
        }
        query.clause(Object.assign({}, basis, { term: w.woord, wildcard: Query.wildcard.TRAILING,
                                                presence: nodig }))
        query.clause(Object.assign({}, basis, { term: w.woord, boost: EXACT }))
        if (w.woord.length >= MIN_TIKFOUT)
          query.clause(Object.assign({}, basis, { term: w.woord, editDistance: 1, boost: TIKFOUT }))
      })
    }
  }

  /* Results with every word of the query first, then those with only some of them, scored below
     the last of the first (a question word that one page happens to hold, "wat doet de
     burgemeester", must not hide the pages about the burgemeester). */
  lunr.Index.prototype.search = function (tekst) {
    var geparsed = new lunr.Query(this.fields)
    new lunr.QueryParser(tekst, geparsed).parse()
    var woorden = woordenVan(geparsed.clauses, this.invertedIndex, this.tokenSet)
    var alle = this.query(vraag(woorden, true)), sommige = this.query(vraag(woorden, false))
    if (!alle.length) return sommige
    var gevonden = {}
    alle.forEach(function (r) { gevonden[r.ref] = true })
    var rest = sommige.filter(function (r) { return !gevonden[r.ref] })
    var schaal = rest.length ? alle[alle.length - 1].score / rest[0].score / 2 : 0
    rest.forEach(function (r) { r.score *= schaal })
    return alle.concat(rest)
  }

  /* mkdocs-material shows under a result the words of the query it lacks ("Ontbreekt: de"); the stop
     words that the search above leaves out are not missing. */
  var RESULT = 3, versturen = self.postMessage
  self.postMessage = function (bericht) {
    if (bericht && bericht.type === RESULT && bericht.data && bericht.data.items)
      bericht.data.items.forEach(function (groep) {
        [].concat(groep).forEach(function (item) {
          Object.keys(item.terms || {}).forEach(function (woord) { if (stopwoord(woord)) delete item.terms[woord] })
        })
      })
    return versturen.apply(self, arguments)
  }
})()
