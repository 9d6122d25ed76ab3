/* mkdocs-material's inline start-up script (partials/javascripts/base.html), as a file: the site root
   is derived from this script's own address (assets/javascripts/kader/basis.js) instead of a literal
   per page, so it also holds from file:// and under any sub-path. */
__md_scope=new URL("../../../",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
