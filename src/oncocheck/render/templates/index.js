/* Sorting and filtering for the batch index. Optional: the page is complete without it.
   The order and the filter are kept for the tab (sessionStorage) and come back when the page
   reloads, as a page written by `check --watch` does every few seconds. */
(function () {
  "use strict";
  var KEY = "oncocheck:" + location.pathname;
  function saved() {
    try { return JSON.parse(sessionStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save(change) {
    var state = saved();
    Object.keys(change).forEach(function (name) { state[name] = change[name]; });
    try { sessionStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* not kept */ }
  }
  function key(cell) {
    var text = (cell.getAttribute("data-sort") || cell.textContent).trim();
    var number = parseFloat(text);
    return isNaN(number) ? text.toLowerCase() : number;
  }
  function sortBy(table, index, th, ascending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[index]), y = key(b.cells[index]);
      var order = typeof x !== typeof y ? (typeof x === "number" ? -1 : 1)
        : x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.forEach(function (row) { body.appendChild(row); });
  }
  var sorted = saved().sorted || {};
  document.querySelectorAll("table.sortable").forEach(function (table, number) {
    table.querySelectorAll("thead th").forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        sortBy(table, index, th, ascending);
        sorted[number] = [index, ascending];
        save({sorted: sorted});
      });
    });
    var last = sorted[number], heads = table.querySelectorAll("thead th");
    if (last && heads[last[0]]) { sortBy(table, last[0], heads[last[0]], last[1]); }
  });
  var place = document.getElementById("filter-place");
  if (!place) { return; }
  var label = document.createElement("label");
  var input = document.createElement("input");
  input.type = "search";
  input.id = "filter";
  label.htmlFor = "filter";
  label.textContent = place.getAttribute("data-label") + " ";
  place.appendChild(label);
  place.appendChild(input);
  function filter() {
    var wanted = input.value.trim().toLowerCase();
    document.querySelectorAll("tr[data-network]").forEach(function (row) {
      var name = row.getAttribute("data-network").toLowerCase();
      row.hidden = wanted !== "" && name.indexOf(wanted) < 0;
    });
  }
  input.addEventListener("input", function () { filter(); save({filter: input.value}); });
  input.addEventListener("focus", function () { save({typing: true}); });
  input.addEventListener("blur", function () { save({typing: false}); });
  var state = saved();
  if (state.filter) { input.value = state.filter; filter(); }
  if (state.typing) {
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }
}());
