/* Runs Wagtail admin initialisers without inline scripts, so the Content-Security-Policy can
   forbid inline JavaScript (issue 18). A template places
     <script src=".../csp-init.js" data-init="initDateTimeChooser" data-id="id_go_live_at" data-options="{...}"></script>
   where Wagtail's template had an inline <script>; as a classic (not deferred) script it runs at
   the same moment the inline one did. Only the initialisers listed here can be called. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var name = script.getAttribute("data-init");
  var options = JSON.parse(script.getAttribute("data-options") || "null");
  var id = script.getAttribute("data-id");
  var calls = {
    initDateChooser: function () { window.initDateChooser(id, options); },
    initTimeChooser: function () { window.initTimeChooser(id, options); },
    initDateTimeChooser: function () { window.initDateTimeChooser(id, options); },
    InlinePanel: function () { new window.InlinePanel(options); },
    MultipleChooserPanel: function () { new window.MultipleChooserPanel(options); }
  };
  if (Object.prototype.hasOwnProperty.call(calls, name)) { calls[name](); }
})();
