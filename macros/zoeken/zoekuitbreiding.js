/* The kader's search extension, appended to mkdocs-material's search worker by the build
   (macros/zoeken/worker.py; on a web server loaded with the whole index); the index it searches is
   shaped by macros/zoeken/index.py.

   mkdocs-material makes every word of a query a prefix search ("kanalen" -> "kanalen*"). Per word
   this adds:
   - the words of the index it is a form or a compound part of (`vormen`, index.py: "slachtoffer" ->
     slachtoffers, "kanalen" -> communicatiekanalen), weighted as the index weighted them;
   - the exact word, weighted above words that only begin with it (SLACHTOFFERS above
     SLACHTOFFERSCHAP for "slachtoffers");
   - the words one letter away (one typo), for words of five letters or more, weighted below;
   - for a word the index does not know, the two or three words it does know that make it up, a
     linking s, e or en between them ("driehoeksoverleg" -> driehoek + overleg);
   - a code as one word however it is typed ("BD 6", "w-d-08.2b" -> bd6, wd08.2b); a handeling's
     code opens at the handeling and shows its text.
   - for a word the index does not know and cannot split, the closest word it does know (two typos,
     or the word it ends or begins with: "herhuisvesting" -> huisvesting), shown as "Bedoelde u …".
   Results with more of the words come first (of a compound every part, then its rarest part), a
   word that many documents hold or a single letter only weighing; a word the index does not know
   does not empty the result; in each group the kader's content comes before the pages about the
   site; what the query names (a page or section titled as the query, "alle partners") comes right
   after the best result. When nothing is found: the pages per object type. Dutch stop words ("in",
   "de", "hoeveel") are dropped, also from the words a result is said to lack, unless the editors'
   search words give them a meaning (OM: "om"). Nothing leaves the browser. */
(() => {
  "use strict"
  const EXACT = 10, TIKFOUT = 0.3, MIN_PREFIX = 3, MIN_TIKFOUT = 5, MIN_DEEL = 3, MIN_GEDEELD = 4
  const VAAK = 0.15  /* a word in more of the documents than this sets none apart: it weighs, it is not required */
  /* mkdocs-material multiplies a score afterwards by up to 5 (a whole page that holds every word):
     a later group starts below the last of the one before by more than that */
  const NA = 6
  const VOEGEN = ["s", "e", "en"]  /* linking sounds between the parts of a compound */
  const CODE = /^[a-z]{2}\d+(\.\d+[a-z]?)?$/  /* a code as one word: codevormen() in index.py */
  /* question words and the like that lunr's Dutch stop words lack */
  const STOP = new Set("alle hoeveel waar waarom wanneer welk welke per".split(" "))
  /* The weight of a word the typed one stands for, per field (index.py's field boosts apart): a form
     as the word itself; a compound part in a title as a tenth of the title, in a search word as a
     word of the text */
  const VORM = [[["title", "text", "zoektermen"], EXACT], [["zoekwoorden"], EXACT / 100]]
  const DEEL = [[["text", "zoektermen"], EXACT], [["title"], EXACT / 10], [["zoekwoorden"], EXACT / 100]]
  const Q = lunr.Query, P = Q.presence, docs = {}
  let start = "", vormen = {}, zie = new Set(), hulp = null, anders = new Set()  /* typed words the search read otherwise */

  /* The documents as the worker indexes them: the pages per object type, the start page, the forms. */
  const toevoegen = lunr.Builder.prototype.add
  lunr.Builder.prototype.add = function (doc) {
    if (doc.vormen) [vormen, zie] = [doc.vormen, new Set((doc.zie || "").split(" "))]
    else docs[doc.location] = doc
    if (/^(index\.html)?$/.test(doc.location)) start = doc.location
    return toevoegen.apply(this, arguments)
  }

  /* a stop word, unless the editors' search words give it a meaning (OM: "om") */
  const stopwoord = w => !zie.has(w) && (STOP.has(w) || !!lunr.nl && !lunr.nl.stopWordFilter(w))
  const termen = (tokens, set) => tokens.intersect(set).toArray()
  const kaal = w => w.replace(/\*/g, "")
  const bekend = (w, index) => w in index || w in vormen
  /* The words of the index a typed word stands for: [word, compound part?] */
  const staatVoor = w => (vormen[w] || "").split(" ").filter(Boolean).map(t => t[0] === ":" ? [t.slice(1), true] : [t, false])

  /* The documents that hold any of these words (any field), or show them (title, text, search word:
     not only a hidden name). */
  const houders = (index, woorden, velden) => new Set(woorden.flatMap(w => {
    const p = index[w] || {}
    return (velden || Object.keys(p)).flatMap(v => v === "_index" ? [] : Object.keys(p[v] || {}))
  }))
  const getoond = (index, woord) => houders(index, [woord], ["title", "text", "zoekwoorden"]).size

  /* A part of a compound without its linking s, e or en (bestuurs -> bestuur), or as it is. */
  const zonderVoeg = (deel, index) => VOEGEN.filter(v => deel.endsWith(v)).map(v => deel.slice(0, -v.length))
    .concat(deel).find(d => d.length >= MIN_DEEL && bekend(d, index))

  /* A word the index does not know as two (or three) words it does know: the fewest parts, then the
     longest shortest part, then the longest last part (buurt + bewonersbrief). */
  const delen = (woord, index, dieper) => {
    let beste = null
    const maat = d => [-d.length, Math.min(...d.map(x => x.length)), d[d.length - 1].length]
    for (let i = MIN_DEEL; i <= woord.length - MIN_DEEL; i++) {
      const rechts = woord.slice(i), links = zonderVoeg(woord.slice(0, i), index)
      const rest = bekend(rechts, index) ? [rechts] : dieper && delen(rechts, index, false)
      if (!links || !rest) continue
      const d = [links, ...rest], a = maat(d), b = beste && maat(beste)
      if (!b || a[0] > b[0] || a[0] === b[0] && (a[1] > b[1] || a[1] === b[1] && a[2] > b[2])) beste = d
    }
    return beste
  }

  /* The clauses as one code however typed: letters, then the number and a handeling's number
     ("w-d-03", "B.N.07" -> bn07, "W-P-08-1" -> wp08.1); "" without a number */
  const alsCode = clauses => {
    const d = clauses.map(c => kaal(c.term).replace(/^([a-z]+)\.(?=\d)/, "$1")), i = d.findIndex(x => /\d/.test(x))
    return i < 0 ? "" : d.slice(0, i + 1).join("") + d.slice(i + 1).map(x => "." + x).join("")
  }

  /* The words of the query as the reader meant them, each with its role: a code; an abbreviation
     typed with dots ("V.v.E." -> vve); a word the index knows (heel; of a compound's parts the one
     the fewest documents hold, what sets it apart: brancheorganisaties -> branche, buurtbewonersbrief
     -> bewonersbrief); a compound's other parts (deel); a word known with one typo (tikfout); for a
     word the index does not know, the closest word it does know (bedoeld: two typos, or the word
     it ends with: herhuisvesting -> huisvesting); unknown. Stop words are dropped (unless nothing
     else is left), and repeats (mkdocs-material repeats a typed word once per part: "w-d-03"). */
  const woordenVan = (clauses, idx) => {
    const index = idx.invertedIndex, tokens = idx.tokenSet, gezien = new Set()
    const letters = clauses.length > 1 && clauses.every(c => kaal(c.term).length === 1) && clauses.map(c => kaal(c.term)).join("")
    clauses = clauses.filter(c => !gezien.has(c.term) && gezien.add(c.term))
    const code = alsCode(clauses)
    if (CODE.test(code) && code in index) return [{ woord: code, clause: clauses[0], rol: "code" }]
    if (letters && bekend(letters, index)) return [{ woord: letters, clause: clauses[0], rol: "heel" }]
    const inhoud = clauses.filter(c => !stopwoord(kaal(c.term)))
    const voorvoegsel = w => termen(tokens, lunr.TokenSet.fromString(w + "*"))
    return (inhoud.length ? inhoud : clauses).flatMap(clause => {
      const woord = kaal(clause.term)
      if (clause.presence === P.PROHIBITED || !woord || bekend(woord, index) || voorvoegsel(woord).length)
        return [{ woord, clause, rol: "heel" }]
      const tik = woord.length >= MIN_TIKFOUT ? termen(tokens, lunr.TokenSet.fromFuzzyString(woord, 1)) : []
      /* one letter from a word the kader shows (veiligstelen), else a compound, else a typo of a form */
      const d = !tik.some(t => getoond(index, t)) && delen(woord, index, true)
      if (d) {
        anders.add(woord)
        const df = x => houders(index, [...voorvoegsel(x), ...staatVoor(x).map(a => a[0])]).size
        const kern = d.reduce((k, x) => df(x) <= df(k) ? x : k)
        return d.map(x => ({ woord: x, clause, rol: x === kern ? "heel" : "deel" }))
      }
      const ander = !tik.length && dichtbij(woord, idx)
      if (ander) anders.add(woord)
      return [ander ? { woord: ander, clause, rol: "bedoeld" } : { woord, clause, rol: tik.length ? "tikfout" : "onbekend" }]
    })
  }

  /* One query with every word: its prefix, the exact word, one typo, the words it stands for; a code
     only as typed, a word of one or two letters and a compound's other part as typed and in its
     forms and synonyms (bestuur of bestuursrapportage, not bestuursdwang). Per word also which
     matched terms count as the word, and which as the word itself (its forms and synonyms, not a
     longer word or a compound). */
  const vraag = (woorden, tokens) => {
    const raak = woorden.map(w => {
      const alleenExact = /code|deel/.test(w.rol) || w.woord.length < MIN_PREFIX
      const alt = new Set(staatVoor(w.woord).map(a => a[0]))
      const vorm = new Set(staatVoor(w.woord).filter(a => !a[1]).map(a => a[0]))
      const tik = w.rol === "tikfout" ? new Set(termen(tokens, lunr.TokenSet.fromFuzzyString(w.woord, 1))) : new Set()
      return [t => t === w.woord || alt.has(t) || tik.has(t) || !alleenExact && t.startsWith(w.woord),
              t => t === w.woord || vorm.has(t) || tik.has(t)]
    })
    return [raak.map(r => r[0]), raak.map(r => r[1]), query => woorden.forEach(w => {
      if (w.clause.presence === P.PROHIBITED || !w.woord) return query.clause(w.clause)
      const zo = (term, extra) => query.clause({ fields: w.clause.fields, usePipeline: false, wildcard: Q.wildcard.NONE,
                                                 term, presence: P.OPTIONAL, ...extra })
      zo(w.woord, { boost: EXACT })
      if (w.rol === "code") return
      /* a compound's other part, a word of one or two letters: its forms and what it stands for (om:
         openbaar ministerie), not its compounds */
      if (w.rol === "deel" || w.woord.length < MIN_PREFIX) {
        for (const [term, deel] of staatVoor(w.woord)) if (!deel) for (const [fields, boost] of VORM) zo(term, { fields, boost })
        return
      }
      zo(w.woord, { wildcard: Q.wildcard.TRAILING })
      if (w.woord.length >= MIN_TIKFOUT) zo(w.woord, { editDistance: 1, boost: TIKFOUT })
      for (const [term, deel] of staatVoor(w.woord))
        for (const [fields, boost] of deel ? DEEL : VORM) zo(term, { fields, boost })
    })]
  }

  /* The words of a title as the index holds them ("Thema's" -> thema), but stop words, single
     letters and numbers (an actie's code). */
  const titelwoorden = doc => (doc.title || "").toLowerCase().replace(/&\w+;/g, " ").split(/[^0-9a-zà-öø-ÿ]+/)
    .filter(w => w.length > 1 && !/\d/.test(w) && !stopwoord(w))

  /* What the query names, right after the best result (which stays first: an actie with the word in
     its title, "slachtofferhulp"): every page or section whose title is the query ("alle partners" ->
     Partners, "bronnen" -> Bronnen), and the best page whose every title word the query holds
     ("actieplan offensief" -> Actieplan, "extra politie wijk" -> Politie). Not a page about the site:
     those stay after the content ("contact"). */
  const genoemdNaEerste = (groepen, raak) => {
    const alle = groepen.flat()
    const noemt = r => {
      const t = (docs[r.ref] || {}).over ? [] : titelwoorden(docs[r.ref] || {})
      return !t.length || !t.every(w => raak.some(f => f(w))) ? 0 : raak.every(f => t.some(f)) ? 2 : 1
    }
    const genoemd = alle.slice(1).filter(r => noemt(r) === 2)
    const pagina = alle.slice(1).find(r => !r.ref.includes("#") && noemt(r) === 1)
    if (pagina) genoemd.push(pagina)
    if (!genoemd.length) return groepen
    return [[alle[0]], genoemd, ...groepen.map(g => g.filter(r => r !== alle[0] && !genoemd.includes(r))).filter(g => g.length)]
  }

  /* Results with more of the known words first (of a compound every part, then its rarest; then the
     close words of unknown ones), each group scored below the last of the one before (a question
     word that one page happens to hold, "wat doet de burgemeester", must not hide the pages about the
     burgemeester). A word that many documents hold ("explosie"), or a single letter ("J&V"), does
     not count next to a rarer one: it only weighs (as a search engine's cut-off frequency). In each group the kader's content comes
     before the pages about the site (`over`, index.py). */
  const zoek = (index, woorden) => {
    if (!woorden.length) return []
    const n = VAAK * Object.keys(docs).length
    const vaak = w => w.rol === "heel" && (w.woord.length === 1 ||
      houders(index.invertedIndex, [w.woord, ...staatVoor(w.woord).map(a => a[0])]).size > n)
    const rollen = woorden.map(w => w.rol)
    if (woorden.some(w => /heel|code|tikfout/.test(w.rol) && !vaak(w)))
      woorden.forEach((w, i) => { if (vaak(w)) rollen[i] = "vaak" })
    const [raak, precies, q] = vraag(woorden, index.tokenSet)
    const gevonden = index.query(q).map(r => {
      const m = r.matchData.metadata, t = Object.keys(m), heeft = raak.map(f => t.some(f))
      /* a word found as a form, part or typo is found (mkdocs-material: not "Ontbreekt", full weight) */
      woorden.forEach((w, i) => { if (heeft[i]) m[kaal(w.clause.term)] ??= {} })
      const tel = rol => rollen.filter((x, i) => rol.test(x) && heeft[i]).length
      return { r, laag: [tel(/heel|code|tikfout/), tel(/deel/), tel(/bedoeld/)].join(",") }
    })
    const lagen = [...new Set(gevonden.map(g => g.laag))].sort((a, b) => {
      const [x, y] = [a, b].map(l => l.split(",").map(Number))
      return y[0] - x[0] || y[1] - x[1] || y[2] - x[2]
    })
    const over = r => !!(docs[r.ref] || {}).over
    const groepen = lagen.map(l => gevonden.filter(g => g.laag === l).map(g => g.r))
      .flatMap(l => [l.filter(r => !over(r)), l.filter(over)]).filter(l => l.length)
    let uit = []
    for (const laag of genoemdNaEerste(groepen, precies)) {
      const schaal = uit.length ? uit[uit.length - 1].score / laag[0].score / NA : 1
      laag.forEach(r => { r.score *= schaal })
      uit = uit.concat(laag)
    }
    return uit
  }

  /* The word of the index closest to an unknown word: one or two letters away (two for long words),
     else the longest word of the index it ends with (what it is: herhuisvesting -> huisvesting),
     else the one it begins with; of several, the one most documents show. A compound's part that
     the index knows (manager of vestigingsmanager) counts as a word of the index here, a stop word
     never (voordeur is not "voor"). */
  const dichtbij = (woord, idx) => {
    const index = idx.invertedIndex
    const gewicht = t => stopwoord(t) ? 0 : getoond(index, t) || (t in vormen ? 0.5 : 0)
    let kandidaten = []
    for (let afstand = 1; afstand <= (woord.length >= 8 ? 2 : 1) && woord.length > MIN_GEDEELD && !kandidaten.length; afstand++)
      kandidaten = termen(idx.tokenSet, lunr.TokenSet.fromFuzzyString(woord, afstand)).filter(t => getoond(index, t))
    for (let i = MIN_DEEL; i <= woord.length - MIN_GEDEELD && !kandidaten.length; i++)
      if (gewicht(woord.slice(i))) kandidaten = [woord.slice(i)]
    for (let j = woord.length - MIN_DEEL; j >= MIN_GEDEELD && !kandidaten.length; j--) {
      const begin = zonderVoeg(woord.slice(0, j), index)
      if (begin && gewicht(begin)) kandidaten = [begin]
    }
    return kandidaten.sort((a, b) => gewicht(b) - gewicht(a))[0]
  }

  lunr.Index.prototype.search = function (tekst) {
    const geparsed = new lunr.Query(this.fields)
    new lunr.QueryParser(tekst, geparsed).parse()
    anders = new Set()
    const woorden = woordenVan(geparsed.clauses, this)
    const uit = zoek(this, woorden)
    const bedoeld = woorden.some(w => w.rol === "bedoeld")
    hulp = woorden.length === 1 && woorden[0].rol === "code" && woorden[0].woord.includes(".") ? { handeling: woorden[0].woord }
      : uit.length && bedoeld ? { bedoeld: woorden.map(w => w.woord).join(" ") } : uit.length ? null : { wegwijzer: true }
    return uit
  }

  /* A handeling code's result: at the handeling (its anchor), with its text and, for a sub-item, the
     handeling it belongs to; `handelingen` (index.py) numbers the actie's paragraphs. */
  const toonHandeling = (item, code) => {
    const m = /^([a-z]+)(\d+)\.(\d+)([a-z]?)$/.exec(code), anker = item.location.split("#")[1] || ""
    if (!m || !item.handelingen || anker.replace(/-/g, "") !== m[1] + ("0" + m[2]).slice(-2)) return
    const nummers = item.handelingen.split(" "), regel = m[3] + m[4]
    const alineas = (item.text.match(/<p>[\s\S]*?<\/p>/g) || []).filter((_, i) =>
      nummers[i] === regel || m[4] && nummers[i] === m[3] || !m[4] && nummers[i] && nummers[i].replace(/[a-z]$/, "") === regel)
    if (!alineas.length) return
    item.location += "." + regel
    item.title = item.title.replace(/^\S+/, "$&." + regel)
    item.text = alineas.join("")
  }

  const teken = t => t.replace(/[&<>"]/g, c => "&#" + c.charCodeAt(0) + ";")

  /* mkdocs-material shows under a result the words of the query it lacks ("Ontbreekt: de"); the stop
     words that the search above leaves out are not missing, nor a compound it split or a word it
     replaced. And what the search found out for the reader: the handeling, "Bedoelde u …", the way
     on. */
  const RESULT = 3, versturen = self.postMessage
  self.postMessage = function (bericht) {
    const data = bericht && bericht.type === RESULT && bericht.data
    if (data && data.items) {
      for (const item of data.items.flat()) {
        Object.keys(item.terms || {}).forEach(w => (stopwoord(w) || anders.has(w)) && delete item.terms[w])
        if (hulp && hulp.handeling) toonHandeling(item, hulp.handeling)
      }
      if (hulp && hulp.bedoeld)
        data.items.unshift([{ location: start + "?q=" + encodeURIComponent(hulp.bedoeld), score: 0, terms: {},
                              title: "Bedoelde u: " + teken(hulp.bedoeld) + "?", text: "" }])
      if (hulp && hulp.wegwijzer)
        data.items = Object.values(docs).filter(d => d.wegwijzer).map(d =>
          [{ ...d, score: 0, terms: {}, text: "Niets gevonden. Wat de gemeente hier doet, per fase:" }])
      hulp = null
    }
    return versturen.apply(self, arguments)
  }
})()
