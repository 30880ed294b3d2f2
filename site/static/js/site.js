// Page tools: print and close buttons (progressive enhancement only).
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-action]");
  if (!button) return;
  if (button.dataset.action === "print") window.print();
  if (button.dataset.action === "close") window.close();
});
