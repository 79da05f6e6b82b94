// The "Check an article" panel (trade_dash/web/article_section.py): on Check, a text
// within the size limit goes to the server through a store; a larger one is refused
// here, with the server's own words for it, so it is never sent (it could be far larger
// than the server accepts in a request). The server checks the size again.
(function () {
  "use strict";

  function send(clicks, text, limit) {
    var no = window.dash_clientside.no_update;
    text = typeof text === "string" ? text : "";
    // UTF-8 bytes, as the server counts them.
    if (new TextEncoder().encode(text).length > limit.bytes) {
      return [no, limit.message, limit.look, [], true];
    }
    return [{text: text, check: clicks}, no, no, no, no];
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.tradeDashArticle = {send: send};
})();
