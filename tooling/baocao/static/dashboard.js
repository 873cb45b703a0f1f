/* The dashboard's table: filter by name (with or without diacritics), kind and
   status; sort by any column. Runs in the browser, no server needed. */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  function setup() {
    var table = document.getElementById("baocao-dashboard");
    if (!table) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var filter = document.getElementById("baocao-filter");
    var kind = document.getElementById("baocao-kind");
    var status = document.getElementById("baocao-status");

    function applyFilters() {
      var words = fold(filter.value).split(/\s+/).filter(Boolean);
      rows.forEach(function (row) {
        var name = row.dataset.unit;
        var shown = words.every(function (w) { return name.indexOf(w) !== -1; })
          && (!kind.value || row.dataset.kind === kind.value)
          && (!status.value || row.dataset.status === status.value);
        row.hidden = !shown;
      });
    }

    function sortBy(header) {
      var key = header.dataset.key;
      var numeric = header.dataset.type === "number";
      var ascending = header.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
        if (cell.hasAttribute("aria-sort")) cell.setAttribute("aria-sort", "none");
      });
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = a.dataset[key], y = b.dataset[key];
        var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, "vi");
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    }

    [filter, kind, status].forEach(function (control) {
      control.addEventListener("input", applyFilters);
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      var button = cell.querySelector("button");
      if (button) button.addEventListener("click", function () { sortBy(cell); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
