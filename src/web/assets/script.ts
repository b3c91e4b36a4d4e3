/**
 * Progressive enhancement only: every page works without it. Copy buttons next to commands, and the
 * paste form answered in place (the page's <main> is swapped for the result's) instead of a full reload;
 * an error answer (too large, too many requests, ...) is shown above the form, which keeps the paste.
 *
 * Raw, so the script's backslashes reach the browser as written (review 68d F3: `/\s+/` in a plain template literal
 * shipped as `/s+/`, and every copy button's name lost its "s").
 */
export const SCRIPT = String.raw`(() => {
  "use strict";
  /** The longest paste a history entry keeps for Back and reload (a megabyte of text; storing more took seconds). */
  const PASTE_KEPT = 1000000;
  /**
   * Each button is named by what it copies (review 67g F6: nineteen buttons all "Copy command"), and its outcome is said
   * in a polite live region, which a screen reader announces (a changed label is not).
   */
  function addCopyButtons(root) {
    if (!navigator.clipboard) return;
    root.querySelectorAll("[data-copy]").forEach((el) => {
      if (el.dataset.copyReady) return;
      el.dataset.copyReady = "1";
      const b = document.createElement("button");
      b.type = "button";
      b.className = "small copy";
      b.textContent = "Copy";
      const what = (el.textContent || "").replace(/\s+/g, " ").trim();
      b.setAttribute("aria-label", "Copy " + (el.dataset.copy || "text") + ": " + (what.length > 60 ? what.slice(0, 59) + "…" : what));
      b.addEventListener("click", () => {
        navigator.clipboard.writeText(el.textContent || "").then(
          () => { b.textContent = "Copied"; say("Copied"); setTimeout(() => { b.textContent = "Copy"; }, 1500); },
          () => { b.textContent = "Copy failed"; say("Copy failed"); },
        );
      });
      el.insertAdjacentElement("afterend", b);
    });
  }
  /** The page's one polite live region for short outcomes (a copy), made on first use. */
  function say(text) {
    let region = document.querySelector("[data-announce]");
    if (!region) {
      region = document.createElement("span");
      region.setAttribute("data-announce", "");
      region.setAttribute("aria-live", "polite");
      region.className = "visually-hidden";
      document.body.append(region);
    }
    region.textContent = "";
    setTimeout(() => { region.textContent = text; }, 50);
  }
  /**
   * An error answer shown above the form, which keeps the paste: never posted again behind the person's back. The tab's
   * title says it too, and under an answer the box says whose that answer is (review 66d F7: a 429 for a fleet's paste sat
   * under the previous paste's findings, titled "1 known bug found").
   */
  function showProblem(form, heading, nodes) {
    let box = form.querySelector("[data-answer-error]");
    if (!box) {
      box = document.createElement("div");
      box.setAttribute("data-answer-error", "");
      box.setAttribute("role", "alert");
      box.className = "panel problem";
      box.dataset.title = document.title;
      form.prepend(box);
    }
    const h = document.createElement("h2");
    h.textContent = heading;
    const previous = form.closest("[data-answered]") ? [para("The answer above is for your previous paste, not this one.")] : [];
    box.replaceChildren(h, ...nodes, ...previous);
    document.title = heading + " · known-bugs";
    box.setAttribute("tabindex", "-1");
    box.focus();
  }
  function para(text) {
    const p = document.createElement("p");
    p.textContent = text;
    return p;
  }
  // The request still waiting for its answer. A submit while one is pending (a double click, an edited paste)
  // cancels it: only the last paste's answer is shown, as a browser's own navigation would (review 63d F1: the
  // first answer, arriving late, replaced the second's). So does leaving its screen with Back or Forward (review 66d F1:
  // a late answer replaced the form the person went back to, which held another paste).
  let pending = null;
  function enhanceForms(root) {
    root.querySelectorAll("form[data-enhance]").forEach((form) => {
      if (form.dataset.enhanced) return;
      form.dataset.enhanced = "1";
      form.addEventListener("submit", async (event) => {
        if (!window.fetch || !window.DOMParser) return;
        event.preventDefault();
        if (pending) pending.abort();
        const controller = window.AbortController ? new AbortController() : null;
        const mine = { abort: () => controller && controller.abort() };
        pending = mine;
        const replaced = () => mine !== pending;
        // Marked for the eye only: aria-busy on the form would let assistive technology hold back "Checking…", said in the
        // form's own status region, until the answer replaced it (review 68d F5). The answer takes focus when it lands.
        form.setAttribute("data-busy", "");
        const status = form.querySelector("[data-status]");
        if (status) status.textContent = "Checking…";
        const done = () => {
          form.removeAttribute("data-busy");
          if (status) status.textContent = "";
        };
        mine.done = done;
        let res;
        try {
          res = await fetch(form.action, {
            method: "POST",
            body: new FormData(form),
            headers: { Accept: "text/html" },
            signal: controller ? controller.signal : undefined,
          });
        } catch (e) {
          if (replaced()) return;
          pending = null;
          done();
          showProblem(form, "The service could not be reached", [para("Your paste is still here: check again in a moment.")]);
          return;
        }
        const text = await res.text().catch(() => "");
        // Replaced, or its form no longer shown: an answer for another screen than the one now in front of the person.
        if (replaced() || !document.contains(form)) return;
        pending = null;
        const html = (res.headers.get("Content-Type") || "").startsWith("text/html");
        const doc = html ? new DOMParser().parseFromString(text, "text/html") : null;
        const next = doc && doc.querySelector("main");
        const main = document.querySelector("main");
        done();
        if (res.ok && next && main) {
          // An earlier error box is no longer true: gone before the form's <main> is kept for Back (review 65d F5).
          const stale = form.querySelector("[data-answer-error]");
          if (stale) {
            document.title = stale.dataset.title || document.title;
            stale.remove();
          }
          // The answer gets its own history entry: Back returns from it to the form (which keeps the
          // paste), and from a page opened from the answer back to the answer.
          const here = history.state && history.state.kbEntry ? history.state.kbEntry : newEntry();
          // The form's entry keeps the paste too: a page opened from the answer leaves this document, and Back
          // from the answer then rebuilds the form from the page as served, whose textarea is empty.
          // Up to PASTE_KEPT characters: storing a 5 MB paste in the entry held the page for seconds (review 64d F3).
          const pasted = form.querySelector("textarea");
          const keep = pasted && pasted.value.length <= PASTE_KEPT ? pasted.value : null;
          // An answer's entry (a paste checked again from its form) stays that answer: only the paste is added (review
          // 66d F2: Back then showed the second paste's form where the first answer had been).
          const was = history.state && history.state.kbEntry ? history.state : { kbEntry: here, answer: null };
          try {
            history.replaceState(Object.assign({}, was, { paste: keep }), "", location.href);
          } catch (e) {
            try { history.replaceState(Object.assign({}, was, { answer: null, paste: null }), "", location.href); } catch (e2) { /* kept as it was */ }
          }
          mains.set(here, { main: main, title: document.title });
          const id = newEntry();
          // As served: before the script's own buttons and marks, which init adds again on the way back.
          const answer = next.outerHTML;
          swapIn({ main: next, title: doc.title }, id);
          init(next);
          try {
            history.pushState({ kbEntry: id, answer: answer, title: doc.title }, "", location.href);
          } catch (e) {
            history.pushState({ kbEntry: id, answer: null, title: doc.title }, "", location.href);
          }
          shownState = history.state;
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
  /** What each history entry of this document showed (its <main> and title), by the entry's id. */
  const mains = new Map();
  let current = null;
  function newEntry() { return String(Date.now()) + "-" + String(Math.random()).slice(2, 8); }
  function swapIn(entry, id) {
    const main = document.querySelector("main");
    if (!main) return;
    if (main !== entry.main) main.replaceWith(entry.main);
    mains.set(id, entry);
    current = id;
    document.title = entry.title;
    entry.main.setAttribute("tabindex", "-1");
    entry.main.focus();
    window.scrollTo(0, 0);
  }
  function answerFromState(state) {
    if (!state || !state.answer) return null;
    return new DOMParser().parseFromString("<!doctype html><body>" + state.answer, "text/html").querySelector("main");
  }
  // The page as served, for an entry of the form whose <main> this document never held.
  const served = { main: document.querySelector("main"), title: document.title };
  /** The state of the entry on screen: what an in-page link's new entry takes over. */
  let shownState = history.state;
  // An in-page link (a finding's anchor, the skip link) makes an entry of its own, with no state: it is the same screen, so
  // it takes the screen's state, and a reload there shows the answer again (review 66d F3: an empty home page).
  function keepScreenState() {
    if (history.state || !shownState || !shownState.kbEntry) return;
    try { history.replaceState(shownState, "", location.href); } catch (e) { /* kept as it was */ }
  }
  // A fragment navigation fires popstate (before hashchange): the entry takes the state there already.
  window.addEventListener("hashchange", keepScreenState);
  window.addEventListener("popstate", (event) => {
    const state = event.state;
    if (state && state.kbEntry) shownState = state;
    if (!state && location.hash) keepScreenState();
    // An in-page link's entry (no state) changes nothing.
    if (!state || !state.kbEntry || state.kbEntry === current) return;
    if (pending) {
      pending.abort();
      if (pending.done) pending.done();
      pending = null;
    }
    let entry = mains.get(state.kbEntry);
    if (!entry) {
      const next = answerFromState(state);
      if (next) init(next);
      else if (state.answer !== null || !served.main) return location.reload();
      entry = next ? { main: next, title: state.title || document.title } : served;
      // Every form entry shows its own paste: the served <main> is shared by them all (review 66d F2).
      const area = !next && typeof state.paste === "string" ? served.main && served.main.querySelector("textarea") : null;
      if (area) area.value = state.paste;
    }
    swapIn(entry, state.kbEntry);
  });
  function init(root) { addCopyButtons(root); enhanceForms(root); }
  init(document);
  // Back to an answer's entry after its document was left (a link opened from the answer), or a reload of it: show it
  // again. A link or a typed address to the same URL is a new visit, whose entry Chromium hands over with the old
  // state: the page as served then, and the state dropped (review 65d F2: the home link and the record's own link kept
  // showing the answer).
  const nav = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  const returning = !nav || nav.type === "back_forward" || nav.type === "reload";
  if (!returning && history.state && history.state.kbEntry) {
    try { history.replaceState(null, "", location.href); } catch (e) { /* kept as it was */ }
    shownState = history.state;
  }
  if (returning && window.DOMParser && history.state && history.state.kbEntry) {
    const again = answerFromState(history.state);
    if (again) {
      init(again);
      swapIn({ main: again, title: history.state.title || document.title }, history.state.kbEntry);
    } else if (history.state.paste) {
      // The form's entry reloaded: its paste comes back, as Back brings it (review 64d F4).
      const area = document.querySelector("main textarea");
      if (area && !area.value) area.value = history.state.paste;
    }
  }
})();
`;
