// A box that scrolls sideways must be reachable with the keyboard (WCAG 2.1.1): give every
// scrolling output, code block and table container a tab stop and a name.
function courseMarkScrollables() {
  const boxes = document.querySelectorAll(
    ".cell_output .output, .saved-widget, div.highlight, .pst-scrollable-table-container, pre");
  for (const box of boxes) {
    if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute("tabindex")) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "scrollable content");
    }
  }
}
document.addEventListener("DOMContentLoaded", courseMarkScrollables);
window.addEventListener("resize", courseMarkScrollables);
