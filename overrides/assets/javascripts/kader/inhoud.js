/* mkdocs-material's inline script after the content (partials/javascripts/content.html), as a file:
   open the content tab that the address's #anchor points to. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"));
