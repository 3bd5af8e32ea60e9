// Browser side of the atlas map: land underlay, tooltips, popups, flow arrows and the
// deportations' origin regions.
// Text from the data is only ever set as textContent, never parsed as HTML.
(function () {
  "use strict";
  const atlas = (window.atlas = window.atlas || {});
  let labels = []; // [event id, name, dates] by the index `i` of each map feature
  let labelsLoaded = null; // a promise of `labels`, fetched when the map is set up
  let details = null; // a promise of {event id: details record}, fetched on the first popup

  function fetchJson(url) {
    return fetch(url).then((response) => response.json());
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function section(title, items) {
    const box = element("div", "atlas-section");
    box.appendChild(element("div", "atlas-heading", title));
    const list = element("ul");
    items.forEach((item) => list.appendChild(element("li", null, item)));
    box.appendChild(list);
    return box;
  }

  function fillDetails(box, record) {
    if (!record) {
      box.appendChild(element("p", "atlas-error", "Details of this event could not be found."));
      return;
    }
    const lines = [
      ["atlas-alt", record.alt_names.join(" · ")],
      ["atlas-kind", record.kind],
      ["atlas-when", record.when],
      ["atlas-place", record.place],
      ...record.facts.map((fact) => ["atlas-fact", fact]),
      ["atlas-description", record.description],
    ];
    lines.forEach(([className, text]) => text && box.appendChild(element("p", className, text)));
    if (record.figures.length) box.appendChild(section("Figures", record.figures));
    box.appendChild(section("Sources", record.sources));
    if (record.wikipedia) {
      const link = element("a", "atlas-link", "Wikipedia");
      link.href = record.wikipedia;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      box.appendChild(link);
    }
  }

  function label(index) {
    return labels[index] || ["", "…", ""];
  }

  function popupContent(layer, props) {
    const box = element("div", "atlas-popup");
    const heading = box.appendChild(element("h4", null, "…"));
    if (!details) details = fetchJson(atlas.detailsUrl);
    Promise.all([labelsLoaded, details])
      .then(([, all]) => {
        const [id, name] = label(props.i);
        heading.textContent = name;
        fillDetails(box, all[id]);
      })
      .catch(() => box.appendChild(element("p", "atlas-error", "Details could not be loaded.")))
      .finally(() => layer.getPopup() && layer.getPopup().update());
    return box;
  }

  function tooltipContent(props) {
    const [, name, when] = label(props.i);
    const box = element("div", "atlas-tooltip");
    box.appendChild(element("strong", null, name));
    box.appendChild(element("div", null, when));
    return box;
  }

  // An arrowhead at the end of each part of a flow, pointing along its last segment.
  function arrowheads(layer, colour) {
    const latlngs = layer.getLatLngs();
    const parts = Array.isArray(latlngs[0]) ? latlngs : [latlngs];
    return parts.map((part) => {
      const map = layer._map;
      const from = map.project(part[part.length - 2], 0);
      const to = map.project(part[part.length - 1], 0);
      const degrees = (Math.atan2(to.y - from.y, to.x - from.x) * 180) / Math.PI;
      const svg =
        `<svg width="18" height="18" viewBox="0 0 20 20" style="transform: rotate(${degrees}deg)">` +
        `<path d="M2 3L19 10L2 17L6 10Z" fill="${colour}" stroke="#222" stroke-width="1"/></svg>`;
      const icon = L.divIcon({ html: svg, className: "atlas-arrow", iconSize: [18, 18], iconAnchor: [9, 9] });
      return L.marker(part[part.length - 1], { icon: icon, interactive: false, keyboard: false });
    });
  }

  // The function Leaflet calls for each feature of a layer drawn in `style`.
  atlas.eachFeature = (style) => function (feature, layer) {
    const props = feature.properties;
    if (layer.setStyle) layer.setStyle(style);
    if (props.r !== undefined) {
      // A camp: area proportional to its prisoners that year; hollow when no count is recorded.
      layer.setRadius(props.r || 3);
      if (!props.r) layer.setStyle({ fillOpacity: 0, dashArray: "2 2" });
    }
    if (props.f) {
      // A region shaded by its losses per 1,000 inhabitants (the legend gives the classes).
      layer.setStyle({ fillColor: props.f, fillOpacity: 0.6, color: props.f, weight: 1 });
    }
    if (props.w !== undefined) {
      // A deportation: width by the number of people; dashed when no number is sourced.
      layer.setStyle(props.w ? { weight: props.w, opacity: 0.75 } : { weight: 2, dashArray: "6 5" });
    }
    layer.bindTooltip(() => tooltipContent(props), { sticky: true, direction: "top" });
    // Leaflet calls the content function again on popup.update(): build the content once.
    let content = null;
    layer.bindPopup(() => content || (content = popupContent(layer, props)), {
      maxWidth: 380,
      minWidth: 260,
      autoPanPadding: [20, 20],
    });
    if (feature.geometry.type.endsWith("LineString")) {
      layer.on("add", () => {
        layer._atlasArrows = arrowheads(layer, style.color);
        layer._atlasArrows.forEach((arrow) => arrow.addTo(layer._map));
      });
      layer.on("remove", () => (layer._atlasArrows || []).forEach((arrow) => arrow.remove()));
    }
  };

  let borders = null; // a promise of the borders of all years, fetched on first use

  // A state's label, at the centre of its largest part (the USSR's first part may be an islet).
  function stateLabel(feature, shape) {
    const parts = feature.geometry.type === "MultiPolygon" ? shape.getLatLngs() : [shape.getLatLngs()];
    const area = (part) => {
      const box = L.latLngBounds(part[0]);
      return (box.getEast() - box.getWest()) * (box.getNorth() - box.getSouth());
    };
    const largest = parts.reduce((best, part) => (area(part) > area(best) ? part : best));
    if (area(largest) < 40) return null;
    return L.tooltip({
      permanent: true,
      direction: "center",
      interactive: false,
      className: feature.properties.is_ussr ? "atlas-state atlas-ussr" : "atlas-state",
    })
      .setLatLng(L.latLngBounds(largest[0]).getCenter())
      .setContent(element("span", null, feature.properties.name));
  }

  // The states as of 31 December `year`, labelled, the USSR shaded; beneath the events.
  atlas.drawBorders = function (group, year) {
    if (!borders) borders = fetchJson(atlas.bordersUrl);
    borders.then((all) => {
      const names = [];
      const layer = L.geoJSON(all, {
        pane: "atlas-borders",
        interactive: false,
        filter: (feature) => feature.properties.from_year <= year && year <= feature.properties.to_year,
        style: (feature) =>
          feature.properties.is_ussr
            ? { color: "#8b1a1a", weight: 2, fillColor: "#c0392b", fillOpacity: 0.07 }
            : { color: "#6b6b6b", weight: 1, fill: false },
        onEachFeature: (feature, shape) => {
          const label = stateLabel(feature, shape);
          if (label) names.push(label);
        },
      });
      group.addLayer(layer);
      names.forEach((label) => group.addLayer(label));
    });
  };

  let origins = null; // a promise of the origin regions of all deportations, fetched on first use

  function originTooltip(props) {
    const outline = props.outline === "approximate" ? " (approximate outline)" : "";
    const box = element("div", "atlas-tooltip");
    box.appendChild(element("strong", null, `Taken from: ${props.region}${outline}`));
    props.events.forEach((event) => {
      const deportation = labels.find(([id]) => id === event);
      if (deportation) box.appendChild(element("div", null, deportation[1]));
    });
    return box;
  }

  // One feature per origin area (`area`) of the deportations `events`, listing them all, so
  // that a region several deportations share is drawn once and not darkened by each.
  function originAreas(all, events) {
    const shown = new Set(events);
    const areas = new Map();
    all.features.forEach((feature) => {
      const props = feature.properties;
      if (!shown.has(props.event)) return;
      if (!areas.has(props.area)) areas.set(props.area, { ...feature, properties: { ...props, events: [] } });
      areas.get(props.area).properties.events.push(props.event);
    });
    return [...areas.values()];
  }

  // The regions the deportations `events` took people from, shaded beneath the flows in
  // `style`: a solid outline where it is a real boundary, dashed where it is approximate.
  atlas.drawOrigins = function (group, events, style) {
    if (!origins) origins = fetchJson(atlas.originsUrl);
    origins.then((all) =>
      group.addLayer(
        L.geoJSON(originAreas(all, events), {
          pane: "atlas-origins",
          className: "atlas-origin",
          style: (feature) => ({ ...style, dashArray: feature.properties.outline === "approximate" ? "5 4" : null }),
          onEachFeature: (feature, shape) =>
            shape.bindTooltip(() => originTooltip(feature.properties), { sticky: true, direction: "top" }),
        })
      )
    );
  };

  // The reader's view, kept in the page's address (`view=lat,lng,zoom`) without a rerun, so
  // that a copied link reopens the map where it was.
  function keepViewInAddress(map) {
    const page = window.parent;
    map.on("moveend", () => {
      const centre = map.getCenter();
      const url = new URL(page.location.href);
      url.searchParams.set("view", `${centre.lat.toFixed(3)},${centre.lng.toFixed(3)},${map.getZoom()}`);
      page.history.replaceState(page.history.state, "", url);
    });
  }

  const CopyLink = L.Control.extend({
    options: { position: "topleft" },
    onAdd: function () {
      const button = element("button", "atlas-copy-link", "Copy link");
      button.type = "button";
      button.title = "Copy a link to this view: years, themes, selected event and map position";
      L.DomEvent.disableClickPropagation(button);
      button.addEventListener("click", () => {
        const link = window.parent.location.href;
        const done = () => {
          button.textContent = "Link copied";
          setTimeout(() => (button.textContent = "Copy link"), 2000);
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(link).then(done, () => window.prompt("Copy this link:", link));
        } else {
          window.prompt("Copy this link:", link);
        }
      });
      return button;
    },
  });

  // Land drawn beneath the tiles, so the map stays readable when no tile server answers;
  // the events' names and dates for tooltips; the view in the address; the copy-link button.
  atlas.setup = function (map, options) {
    keepViewInAddress(map);
    new CopyLink().addTo(map);
    atlas.detailsUrl = options.detailsUrl;
    atlas.bordersUrl = options.bordersUrl;
    atlas.originsUrl = options.originsUrl;
    if (!map.getPane("atlas-borders")) {
      map.createPane("atlas-borders").style.zIndex = 350;
    }
    if (!map.getPane("atlas-origins")) {
      map.createPane("atlas-origins").style.zIndex = 380; // above the borders, beneath the events (400)
    }
    labelsLoaded = fetchJson(options.labelsUrl).then((loaded) => (labels = loaded));
    if (!map.getPane("atlas-land")) {
      map.createPane("atlas-land").style.zIndex = 150;
    }
    fetchJson(options.landUrl).then((land) =>
      L.geoJSON(land, {
        pane: "atlas-land",
        interactive: false,
        style: { color: "#9a9080", weight: 0.6, fillColor: "#f2efe6", fillOpacity: 1 },
      }).addTo(map)
    );
  };
})();
