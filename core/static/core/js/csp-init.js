/* Runs Wagtail admin initialisers without inline scripts, so the Content-Security-Policy can
   forbid inline JavaScript (issue 18). Where Wagtail's template had an inline <script>, ours has an
   inert data block (core/templates/wagtailadmin/, core/admin_csp.py):
     <script type="application/json" data-init="initDateTimeChooser" data-id="id_go_live_at" data-options="{...}"></script>
   This file is loaded once at the top of every admin page (core/wagtail_hooks.py), before the content,
   and a MutationObserver runs each block's initialiser as the parser (or an inline panel adding a
   form, or a modal) inserts it, in document order. Only the initialisers listed here can be called;
   each block is initialised once. The browser never executes these blocks, and neither does jQuery
   when it inserts HTML, so nothing needs 'unsafe-inline'. */
(function () {
  "use strict";
  var calls = {
    initDateChooser: function (id, options) { window.initDateChooser(id, options); },
    initTimeChooser: function (id, options) { window.initTimeChooser(id, options); },
    initDateTimeChooser: function (id, options) { window.initDateTimeChooser(id, options); },
    // Model choosers (core/admin_csp.py): only Wagtail's own constructors can be named.
    Chooser: function (id, options, element) {
      var constructor = element.getAttribute("data-constructor");
      var known = ["Chooser", "PageChooser", "DocumentChooser", "ImageChooser", "SnippetChooser"];
      if (known.indexOf(constructor) !== -1 && typeof window[constructor] === "function") {
        new window[constructor](id, options);
      }
    },
    createTaskChooser: function (id) { window.createTaskChooser(id); },
    InlinePanel: function (id, options) { new window.InlinePanel(options); },
    MultipleChooserPanel: function (id, options) { new window.MultipleChooserPanel(options); }
  };

  function run(element) {
    var name = element.getAttribute("data-init");
    if (element.hasAttribute("data-init-done") || !Object.prototype.hasOwnProperty.call(calls, name)) { return; }
    // The empty form of an inline panel (ids with __prefix__) is a template: nothing to set up.
    if ((element.getAttribute("data-id") || "").indexOf("__prefix__") !== -1) { return; }
    element.setAttribute("data-init-done", "");
    calls[name](element.getAttribute("data-id"), JSON.parse(element.getAttribute("data-options") || "null"), element);
  }

  if (window.cspInitObserver) { return; }
  window.cspInitObserver = new MutationObserver(function (records) {
    records.forEach(function (record) {
      record.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1) { return; }
        if (node.matches("script[data-init]")) { run(node); }
        node.querySelectorAll("script[data-init]").forEach(run);
      });
    });
  });
  window.cspInitObserver.observe(document.documentElement, { childList: true, subtree: true });
  document.querySelectorAll("script[data-init]").forEach(run);
})();
