/* Sorting and filtering for the batch index. Optional: the page is complete without it. */
(function () {
  "use strict";
  function key(cell) {
    var text = (cell.getAttribute("data-sort") || cell.textContent).trim();
    var number = parseFloat(text);
    return isNaN(number) ? text.toLowerCase() : number;
  }
  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    var ascending = th.getAttribute("aria-sort") !== "ascending";
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
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, th); });
    });
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
  input.addEventListener("input", function () {
    var wanted = input.value.trim().toLowerCase();
    document.querySelectorAll("tr[data-network]").forEach(function (row) {
      var name = row.getAttribute("data-network").toLowerCase();
      row.hidden = wanted !== "" && name.indexOf(wanted) < 0;
    });
  });
}());
