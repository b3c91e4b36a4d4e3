/**
 * Progressive enhancement only: every page works without it. Copy buttons next to commands, and the
 * paste form answered in place (the page's <main> is swapped for the result's) instead of a full reload;
 * an error answer (too large, too many requests, ...) is shown above the form, which keeps the paste.
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
  /** An error answer shown above the form, which keeps the paste: never posted again behind the person's back. */
  function showProblem(form, heading, nodes) {
    let box = form.querySelector("[data-answer-error]");
    if (!box) {
      box = document.createElement("div");
      box.setAttribute("data-answer-error", "");
      box.setAttribute("role", "alert");
      box.className = "panel problem";
      form.prepend(box);
    }
    const h = document.createElement("h2");
    h.textContent = heading;
    box.replaceChildren(h, ...nodes);
    box.setAttribute("tabindex", "-1");
    box.focus();
  }
  function para(text) {
    const p = document.createElement("p");
    p.textContent = text;
    return p;
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
        const done = () => {
          form.removeAttribute("aria-busy");
          if (status) status.textContent = "";
        };
        let res;
        try {
          res = await fetch(form.action, { method: "POST", body: new FormData(form), headers: { Accept: "text/html" } });
        } catch (e) {
          done();
          showProblem(form, "The service could not be reached", [para("Your paste is still here: check again in a moment.")]);
          return;
        }
        const text = await res.text().catch(() => "");
        const html = (res.headers.get("Content-Type") || "").startsWith("text/html");
        const doc = html ? new DOMParser().parseFromString(text, "text/html") : null;
        const next = doc && doc.querySelector("main");
        const main = document.querySelector("main");
        done();
        if (res.ok && next && main) {
          main.replaceWith(next);
          document.title = doc.title;
          next.setAttribute("tabindex", "-1");
          next.focus();
          window.scrollTo(0, 0);
          init(next);
          return;
        }
        // An error page's explanation, or the problem's detail, or at least the status.
        const problem = doc && doc.querySelector("[data-problem]");
        const heading = (doc && doc.querySelector("h1") && doc.querySelector("h1").textContent) || "That did not work";
        let nodes = problem ? [...problem.childNodes].map((n) => document.importNode(n, true)) : [];
        if (!nodes.length) {
          let detail = "";
          try { detail = JSON.parse(text).detail || ""; } catch (e) { /* not JSON */ }
          nodes = [para((detail ? detail + " " : "") + "Status " + res.status + ".")];
        }
        showProblem(form, heading, nodes);
      });
    });
  }
  function init(root) { addCopyButtons(root); enhanceForms(root); }
  init(document);
})();
`;
