/* mkdocs-material's inline start-up script (partials/javascripts/base.html), as a file: the site root
   is derived from this script's own address (assets/javascripts/kader/basis.js) instead of a literal
   per page, so it also holds from file:// and under any sub-path. */
__md_scope=new URL("../../../",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};

/* The search index on its way when the reader puts the cursor in the search field, not only when
   they have typed (macros/zoeken/zoekuitstel.js): the kader's search worker, as mkdocs-material
   starts it, is told so (message 9) when that field gets focus (it fetches once). */
if(window.Worker){const W=window.Worker;window.Worker=function(u,o){const w=new W(u,o);/\/zoeken\.[0-9a-f]+\.min\.js$/.test(String(u))&&document.addEventListener("focusin",e=>{e.target instanceof HTMLInputElement&&e.target.matches(".md-search__input")&&w.postMessage({type:9})});return w};window.Worker.prototype=W.prototype}
