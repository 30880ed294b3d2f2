// wagtail-localize's translation editor (its React bundle, wagtail-localize.js) hard-codes two English
// strings that no message catalogue reaches: the heading "<source> to <target> translation" and the
// screen-reader label "More actions" of its action menus. The page gives their translations
// (json_script "translation-editor-labels", from Django i18n); this script relabels the rendered text
// as the editor renders it. Re-check on a wagtail-localize upgrade (tests/multilingual/test_editor_labels.py).
(function () {
  "use strict";
  var data = document.getElementById("translation-editor-labels");
  if (!data) {
    return;
  }
  var labels = JSON.parse(data.textContent);
  var heading = /^(.+) to (.+) translation$/;

  function relabel(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var text = node.nodeValue.trim();
      if (text === "More actions") {
        node.nodeValue = labels.moreActions;
        continue;
      }
      var match = heading.exec(text);
      if (match) {
        node.nodeValue = labels.heading.replace("%(source)s", match[1]).replace("%(target)s", match[2]);
      }
    }
  }

  function start() {
    relabel(document.body);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(function (node) {
          if (node.nodeType === Node.ELEMENT_NODE) {
            relabel(node);
          } else if (node.nodeType === Node.TEXT_NODE && node.parentNode) {
            relabel(node.parentNode);
          }
        });
      });
    }).observe(document.body, {childList: true, subtree: true});
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
