// Highlight toggles on the document page (no external code; the page works without it).
document.addEventListener("DOMContentLoaded", () => {
  for (const box of document.querySelectorAll("#legend input[data-kind]")) {
    box.addEventListener("change", () => {
      document.body.classList.toggle("hide-" + box.dataset.kind, !box.checked);
    });
  }
});
