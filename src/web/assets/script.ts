/**
 * Progressive enhancement only: every page works without it. Copy buttons next to commands, and the
 * paste form answered in place (the page's <main> is swapped for the result's) instead of a full reload.
 */
export const SCRIPT = `(() => {
  "use strict";
  function addCopyButtons(root) {
    if (!navigator.clipboard) return;
    root.querySelectorAll("[data-copy]").forEach((el) => {
      if (el.dataset.copyReady) return;
      el.dataset.copyReady = "1";
      const b = document.createElement("button");
      b.type = "button";
      b.className = "small copy";
      b.textContent = "Copy";
      b.setAttribute("aria-label", "Copy " + (el.dataset.copy || "text"));
      b.addEventListener("click", () => {
        navigator.clipboard.writeText(el.textContent || "").then(
          () => { b.textContent = "Copied"; setTimeout(() => { b.textContent = "Copy"; }, 1500); },
          () => { b.textContent = "Copy failed"; },
        );
      });
      el.insertAdjacentElement("afterend", b);
    });
  }
  function enhanceForms(root) {
    root.querySelectorAll("form[data-enhance]").forEach((form) => {
      if (form.dataset.enhanced) return;
      form.dataset.enhanced = "1";
      form.addEventListener("submit", async (event) => {
        if (!window.fetch || !window.DOMParser) return;
        event.preventDefault();
        form.setAttribute("aria-busy", "true");
        const status = form.querySelector("[data-status]");
        if (status) status.textContent = "Checking…";
        try {
          const res = await fetch(form.action, { method: "POST", body: new FormData(form), headers: { Accept: "text/html" } });
          const doc = new DOMParser().parseFromString(await res.text(), "text/html");
          const next = doc.querySelector("main");
          const main = document.querySelector("main");
          if (!next || !main) throw new Error("no main");
          main.replaceWith(next);
          document.title = doc.title;
          next.setAttribute("tabindex", "-1");
          next.focus();
          window.scrollTo(0, 0);
          init(next);
        } catch (e) {
          form.removeAttribute("aria-busy");
          form.submit();
        }
      });
    });
  }
  function init(root) { addCopyButtons(root); enhanceForms(root); }
  init(document);
})();
`;
