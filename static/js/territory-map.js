/* Map of the pilot territories. Progressive enhancement: the list beside it works without it. */
(function () {
  "use strict";
  var container = document.getElementById("territory-map");
  var data = document.getElementById("territory-markers");
  if (!container || !data || typeof L === "undefined") {
    return;
  }
  var markers = JSON.parse(data.textContent);
  container.innerHTML = "";
  container.classList.add("is-ready");
  var map = L.map(container, { scrollWheelZoom: false });
  L.tileLayer(container.dataset.tileUrl, {
    maxZoom: 18,
    attribution: container.dataset.tileAttribution
  }).addTo(map);
  var bounds = [];
  markers.forEach(function (item) {
    var marker = L.marker([item.lat, item.lng], { title: item.title, alt: item.title, keyboard: true });
    var link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.title;
    var popup = document.createElement("div");
    popup.appendChild(link);
    var region = document.createElement("p");
    region.textContent = item.region;
    popup.appendChild(region);
    marker.bindPopup(popup).addTo(map);
    bounds.push([item.lat, item.lng]);
  });
  if (bounds.length) {
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 9 });
  } else {
    map.setView([44.8, 7.3], 7);
  }
})();
