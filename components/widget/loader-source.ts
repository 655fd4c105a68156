// The source of /widget.js, the script a site embeds: plain ES5-level JavaScript, no framework, no
// dependency. It adds a launcher button and an iframe with the widget page (/widget/{inbox}) on the
// app's origin, where the chat runs. `ORIGIN` and `LABELS` are filled in by the route.
//
// - window.bandejaSettings = { inbox, locale: "auto" | "es" | "en", identifier?, identifierHash? }
// - the identity goes in the iframe URL's fragment, never sent to any server by the browser; so does
//   the visitor token when the browser blocks the iframe's own (third-party) storage: the chat then
//   hands its token to this page (bandeja:token), which keeps it in the site's localStorage;
// - the launcher is a button (aria-expanded); Escape (on the page or in the chat) closes and gives
//   the focus back to it; under 480 px wide the chat window is full screen;
// - the iframe tells its colour (bandeja:ready) and asks to close (bandeja:close) by postMessage,
//   accepted only from its own window and the app's origin.
export const LOADER_SOURCE = `(function(){
var s=window.bandejaSettings||{},O=__ORIGIN__,L=__LABELS__,d=document;
if(!s.inbox||window.__bandeja)return;window.__bandeja=1;
var lc=s.locale&&s.locale!=="auto"?s.locale:(navigator.language||"es");lc=/^en/i.test(lc)?"en":"es";var t=L[lc];
var id={},K="bandeja:"+s.inbox;if(s.identifier){id.identifier=String(s.identifier);id.identifierHash=String(s.identifierHash||"");}
try{var tk=localStorage.getItem(K);if(tk)id.token=tk;}catch(x){}
var st=d.createElement("style");
st.textContent=".bdj-l{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;border:0;background:#1f93ff;color:#fff;cursor:pointer;box-shadow:0 4px 12px rgba(0,0,0,.25);z-index:2147483646;display:flex;align-items:center;justify-content:center}.bdj-l:focus-visible{outline:3px solid #111;outline-offset:3px}.bdj-w{position:fixed;right:20px;bottom:88px;width:370px;height:min(640px,calc(100vh - 108px));border:0;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);z-index:2147483647;background:#fff;display:none}.bdj-o .bdj-w{display:block}@media (max-width:480px){.bdj-w{inset:0;width:100%;height:100%;border-radius:0}.bdj-o .bdj-l{display:none}}";
d.head.appendChild(st);
var root=d.createElement("div");root.className="bdj";
var b=d.createElement("button");b.type="button";b.className="bdj-l";b.setAttribute("aria-expanded","false");b.setAttribute("aria-label",t.open);
b.innerHTML='<svg width="28" height="28" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';
var f=d.createElement("iframe");f.className="bdj-w";f.title=t.title;f.setAttribute("allow","clipboard-write");
f.src=O+"/widget/"+encodeURIComponent(s.inbox)+"?locale="+lc+"#"+encodeURIComponent(JSON.stringify(id));
b.setAttribute("aria-controls",f.id="bandeja-widget");
root.appendChild(f);root.appendChild(b);
function open(){root.classList.add("bdj-o");b.setAttribute("aria-expanded","true");b.setAttribute("aria-label",t.close);f.focus();f.contentWindow&&f.contentWindow.postMessage({type:"bandeja:open"},O);}
function close(){if(!root.classList.contains("bdj-o"))return;root.classList.remove("bdj-o");b.setAttribute("aria-expanded","false");b.setAttribute("aria-label",t.open);b.focus();}
b.addEventListener("click",function(){root.classList.contains("bdj-o")?close():open();});
d.addEventListener("keydown",function(e){if(e.key==="Escape")close();});
window.addEventListener("message",function(e){if(e.origin!==O||e.source!==f.contentWindow||!e.data)return;
if(e.data.type==="bandeja:close")close();
if(e.data.type==="bandeja:token"&&typeof e.data.token==="string")try{localStorage.setItem(K,e.data.token);}catch(x){}
if(e.data.type==="bandeja:ready"&&/^#[0-9a-fA-F]{6}$/.test(e.data.color||""))b.style.background=e.data.color;});
function add(){d.body.appendChild(root);}d.body?add():d.addEventListener("DOMContentLoaded",add);
})();`;
