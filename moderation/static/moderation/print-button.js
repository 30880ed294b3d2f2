/* 保密审查表: the print button, without an inline onclick handler (CSP, issue 18). */
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print-page]")) { window.print(); }
});
