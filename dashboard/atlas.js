// Browser side of the atlas map: land underlay, the events and the filters that show them,
// tooltips, popups, flow arrows, the deportations' origin regions and the state borders.
// The events are fetched once; a filter change (atlas.show) adds and removes only the events
// whose visibility changed, and redraws the borders only when the year does.
// Text from the data is only ever set as textContent, never parsed as HTML.
(function () {
  "use strict";
  const atlas = (window.atlas = window.atlas || {});
  const HOLLOW_RADIUS = 3; // a camp with no count for the year
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

  function popupContent(layer, props) {
    const box = element("div", "atlas-popup");
    box.appendChild(element("h4", null, props.name));
    if (!details) details = fetchJson(atlas.detailsUrl);
    details
      .then((all) => fillDetails(box, all[props.id]))
      .catch(() => box.appendChild(element("p", "atlas-error", "Details could not be loaded.")))
      .finally(() => layer.getPopup() && layer.getPopup().update());
    return box;
  }

  function tooltipContent(props) {
    const box = element("div", "atlas-tooltip");
    box.appendChild(element("strong", null, props.name));
    box.appendChild(element("div", null, props.when));
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

  // A symbol is a button a keyboard reaches: a screen reader reads out its event's name and dates.
  function named(marker, props) {
    marker.on("add", () => marker.getElement().setAttribute("aria-label", `${props.name}, ${props.when}`));
    return marker;
  }

  // One event's layer, in its theme's `style`: a symbol for a point (a circle for a camp), else
  // its shape. Made the first time the event is shown, then kept.
  function eventLayer(feature, theme) {
    const props = feature.properties;
    const style = theme.style;
    const layer = L.GeoJSON.geometryToLayer(feature, {
      pointToLayer: (_, latlng) =>
        theme.symbol
          ? named(
              L.marker(latlng, {
                icon: L.divIcon({ html: theme.symbol, className: "atlas-symbol", iconSize: [14, 14], iconAnchor: [7, 7] }),
              }),
              props
            )
          : L.circleMarker(latlng, { radius: HOLLOW_RADIUS }),
      className: props.d ? "atlas-approximate" : "", // answers only on its outline (atlas.css)
    });
    layer.feature = feature;
    if (layer.setStyle) layer.setStyle(props.d ? { ...style, dashArray: "5 4" } : style);
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
    // Never wider than the map nor taller than half of it (a phone's included), so that the
    // popup, its close button and the place clicked all stay in view.
    const room = Math.max(window.innerWidth - 100, 120); // the popup's margins and padding take about 80 pixels
    layer.bindPopup(() => content || (content = popupContent(layer, props)), {
      maxWidth: Math.min(380, room),
      minWidth: Math.min(260, room),
      maxHeight: Math.max(window.innerHeight / 2, 150),
      autoPanPadding: [20, 20],
      autoPanPaddingTopLeft: [20, 70], // below the page's own header when the map is scrolled to the top
    });
    if (feature.geometry.type.endsWith("LineString")) {
      layer.on("add", () => {
        layer._atlasArrows = arrowheads(layer, style.color);
        layer._atlasArrows.forEach((arrow) => arrow.addTo(layer._map));
      });
      layer.on("remove", () => (layer._atlasArrows || []).forEach((arrow) => arrow.remove()));
    }
    return layer;
  }

  // A camp's circle for `year`: its area proportional to its prisoners that year (the radius
  // is in the data); hollow when no count is recorded.
  // Returns whether the circle changed (redrawing an unchanged one still costs the browser).
  function sizeCamp(layer, year, style) {
    const radius = layer.feature.properties.r[year] || 0;
    const changed = radius !== layer._atlasRadius;
    if (changed) {
      (layer.getLayers ? layer.getLayers() : [layer]).forEach((circle) => circle.setRadius(radius || HOLLOW_RADIUS));
      if (layer._atlasRadius === undefined || !radius !== !layer._atlasRadius) {
        layer.setStyle(radius ? { fillOpacity: style.fillOpacity, dashArray: null } : { fillOpacity: 0, dashArray: "2 2" });
      }
    }
    layer._atlasRadius = radius;
    layer._atlasYear = year;
    return changed;
  }

  // Whether an event passes the filters; the same rules as filters.select in Python.
  function passes(props, state) {
    const [first, last] = state.years;
    if (props.y[0] > last || props.y[1] < first || !state.themes.includes(props.c)) return false;
    if (props.r === undefined) return true; // only camps are narrowed by type and activity
    if (state.campTypes && !state.campTypes.includes(props.t)) return false;
    return !state.activities || props.a.some((activity) => state.activities.includes(activity));
  }

  // Stacking in the one vector layer: areas beneath (larger ones lower), then lines, then the
  // camps' circles, larger ones lower, so that what lies on top can be clicked.
  function stackRank(layer) {
    if (layer instanceof L.Polygon) {
      const box = layer.getBounds();
      return [0, -(box.getEast() - box.getWest()) * (box.getNorth() - box.getSouth())];
    }
    if (layer instanceof L.CircleMarker) return [2, -layer.getRadius()];
    return [1, 0];
  }

  function restack(layers) {
    layers
      .filter((layer) => layer.bringToFront)
      .map((layer) => [stackRank(layer), layer])
      .sort(([a], [b]) => a[0] - b[0] || a[1] - b[1])
      .forEach(([, layer]) => layer.bringToFront());
  }

  const events = {
    loaded: null, // a promise of the map data (mapview.map_data)
    group: null, // holds the shown events' layers; streamlit-folium reports clicks on it
    layers: [], // by feature index, made when first shown
    shown: new Set(), // feature indexes
  };

  function showEvents(data, state) {
    const year = state.years[1];
    const wanted = new Set();
    data.features.forEach((feature, index) => passes(feature.properties, state) && wanted.add(index));
    events.shown.forEach((index) => wanted.has(index) || events.group.removeLayer(events.layers[index]));
    const added = [];
    const resized = [];
    wanted.forEach((index) => {
      const feature = data.features[index];
      const theme = data.themes[feature.properties.c];
      const layer = events.layers[index] || (events.layers[index] = eventLayer(feature, theme));
      if (feature.properties.r !== undefined && layer._atlasYear !== year && sizeCamp(layer, year, theme.style)) {
        resized.push(layer);
      }
      if (!events.shown.has(index)) added.push(layer);
    });
    added.forEach((layer) => events.group.addLayer(layer));
    events.shown = wanted;
    const shownLayers = [...wanted].map((index) => events.layers[index]);
    const isShape = (layer) => layer instanceof L.Path && !(layer instanceof L.CircleMarker); // symbols have their own pane
    if (added.some(isShape)) restack(shownLayers);
    else if (added.length || resized.length) restack(shownLayers.filter((layer) => layer instanceof L.CircleMarker));
    return new Set([...wanted].map((index) => data.features[index].properties.id));
  }

  // The ids of the events shown now (the browser tests compare them with the page's count).
  atlas.shownIds = () =>
    events.loaded.then((data) => [...events.shown].map((index) => data.features[index].properties.id).sort());

  // A state's label, at the centre of its largest part (the USSR's first part may be an islet).
  function stateLabel(feature, shape) {
    const parts = feature.geometry.type === "MultiPolygon" ? shape.getLatLngs() : [shape.getLatLngs()];
    const area = (part) => {
      const box = L.latLngBounds(part[0]);
      return (box.getEast() - box.getWest()) * (box.getNorth() - box.getSouth());
    };
    const largest = parts.reduce((best, part) => (area(part) > area(best) ? part : best));
    if (area(largest) < 10) return null; // square degrees: the Baltic states and East Germany are labelled, Belgium not
    return L.tooltip({
      permanent: true,
      direction: "center",
      interactive: false,
      className: feature.properties.is_ussr ? "atlas-state atlas-ussr" : "atlas-state",
    })
      .setLatLng(L.latLngBounds(largest[0]).getCenter())
      .setContent(element("span", null, feature.properties.name));
  }

  // Shows in `group` the layers of the keys in `wanted` and takes away those of the keys shown
  // before and not now; `make(key)` gives a key's layers the first time it is shown.
  function toggler(group, make) {
    const made = new Map();
    let shown = new Set();
    return (wanted) => {
      shown.forEach((key) => wanted.has(key) || made.get(key).forEach((layer) => group.removeLayer(layer)));
      wanted.forEach((key) => {
        if (shown.has(key)) return;
        if (!made.has(key)) made.set(key, make(key));
        made.get(key).forEach((layer) => group.addLayer(layer));
      });
      shown = wanted;
    };
  }

  // A state as of 31 December of a year, labelled, the USSR shaded; beneath the events.
  function stateLayers(feature) {
    const shape = L.GeoJSON.geometryToLayer(feature, { pane: "atlas-borders", interactive: false });
    shape.setStyle(
      feature.properties.is_ussr
        ? { color: "#8b1a1a", weight: 2, fillColor: "#c0392b", fillOpacity: 0.07 }
        : { color: "#6b6b6b", weight: 1, fill: false }
    );
    const label = stateLabel(feature, shape);
    return label ? [shape, label] : [shape];
  }

  const borders = { loaded: null, show: null, year: null }; // fetched when first drawn

  // The states of `year` (null: none); only the states that differ from the last year drawn change.
  function showBorders(group, year) {
    if (year === borders.year) return;
    borders.year = year;
    if (!borders.loaded) {
      borders.loaded = fetchJson(atlas.bordersUrl).then((all) => {
        borders.show = toggler(group, (index) => stateLayers(all.features[index]));
        return all;
      });
    }
    borders.loaded.then((all) => {
      if (year !== borders.year) return; // a later year was asked for meanwhile
      const wanted = new Set();
      if (year !== null) {
        all.features.forEach((feature, index) => {
          const { from_year: from, to_year: to } = feature.properties;
          if (from <= year && year <= to) wanted.add(index);
        });
      }
      borders.show(wanted);
    });
  }

  // The deportations' regions of origin, one shape per region (`area`), however many of the
  // deportations shown took people from it, so that a shared region is not darkened by each.
  const origins = { loaded: null, show: null, names: new Map(), shownIds: new Set() };

  function originTooltip(props, eventsOfArea) {
    const outline = props.outline === "approximate" ? " (approximate outline)" : "";
    const box = element("div", "atlas-tooltip");
    box.appendChild(element("strong", null, `Taken from: ${props.region}${outline}`));
    eventsOfArea
      .filter((id) => origins.shownIds.has(id))
      .forEach((id) => box.appendChild(element("div", null, origins.names.get(id))));
    return box;
  }

  // `eventsLoaded`: the map data, which gives the names of the deportations and the regions' style.
  function loadOrigins(group, url, eventsLoaded) {
    origins.loaded = Promise.all([fetchJson(url), eventsLoaded]).then(([all, data]) => {
      const style = data.origin;
      data.features.forEach(({ properties: props }) => props.c === "deportation" && origins.names.set(props.id, props.name));
      const areas = new Map(); // area -> {feature, events}
      all.features.forEach((feature) => {
        const { area, event } = feature.properties;
        if (!areas.has(area)) areas.set(area, { feature: feature, events: [] });
        areas.get(area).events.push(event);
      });
      origins.show = toggler(group, (area) => {
        const { feature, events: eventsOfArea } = areas.get(area);
        const shape = L.GeoJSON.geometryToLayer(feature, { pane: "atlas-origins", className: "atlas-origin" });
        shape.setStyle({ ...style, dashArray: feature.properties.outline === "approximate" ? "5 4" : null });
        shape.bindTooltip(() => originTooltip(feature.properties, eventsOfArea), { sticky: true, direction: "top" });
        return [shape];
      });
      return areas;
    });
  }

  // The regions the deportations among `shownIds` took people from: a solid outline where it is
  // a real boundary, dashed where it is approximate.
  function showOrigins(areas, shownIds) {
    origins.shownIds = shownIds;
    const wanted = new Set();
    areas.forEach(({ events: eventsOfArea }, area) => eventsOfArea.some((id) => shownIds.has(id)) && wanted.add(area));
    origins.show(wanted);
  }

  // What the reader chose (mapview.filter_state): called on every rerun, with nothing else.
  let latest = null;
  atlas.show = function (state) {
    latest = state;
    showBorders(atlas.borders, state.borders ? state.years[1] : null);
    Promise.all([events.loaded, origins.loaded]).then(([data, areas]) => {
      if (state !== latest) return; // a later choice came meanwhile
      showOrigins(areas, showEvents(data, state));
    });
  };

  // The reader's view, kept in the page's address (`view=lat,lng,zoom`) without a rerun, so
  // that a copied link reopens the map where it was.
  function keepViewInAddress(map) {
    const page = window.parent;
    map.on("moveend", () => {
      const centre = map.getCenter();
      const url = new URL(page.location.href);
      url.searchParams.set("view", `${centre.lat.toFixed(3)},${centre.lng.toFixed(3)},${+map.getZoom().toFixed(2)}`);
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

  // The modern tiles, with a switch; land drawn beneath them, so the map stays readable when
  // no tile server answers; the events and the deportations' origins fetched once; the view
  // in the address; the copy-link button.
  // The frame as a document of its own for assistive technology: the map is its main landmark,
  // under a heading, and the reader may zoom the page (folium's template forbids it).
  function describeFrame(map) {
    document
      .querySelectorAll("meta[name='viewport']")
      .forEach((viewport) => viewport.setAttribute("content", "width=device-width, initial-scale=1.0"));
    const container = map.getContainer();
    container.setAttribute("role", "main");
    container.setAttribute("aria-label", "Map of the events shown");
    container.prepend(element("h1", "atlas-hidden", "Map of the events shown"));
  }

  atlas.setup = function (map, options) {
    describeFrame(map);
    // Zoomed out further than the whole USSR (a phone's first view), only the USSR is named:
    // the other states' labels would cover one another (atlas.css).
    const farOut = () => map.getContainer().classList.toggle("atlas-far", map.getZoom() < 2.5);
    map.on("zoomend", farOut);
    if (options.fitBounds) map.fitBounds(options.fitBounds, { animate: false }); // the first view: the whole USSR
    farOut();
    keepViewInAddress(map);
    new CopyLink().addTo(map);
    const { url, name, ...tileOptions } = options.tiles;
    const tiles = L.tileLayer(url, tileOptions).addTo(map);
    L.control.layers(null, { [name]: tiles }, { collapsed: false, position: "topright" }).addTo(map);
    atlas.detailsUrl = options.detailsUrl;
    atlas.bordersUrl = options.bordersUrl;
    [["atlas-land", 150], ["atlas-borders", 350], ["atlas-origins", 380]].forEach(([name, zIndex]) => {
      if (!map.getPane(name)) map.createPane(name).style.zIndex = zIndex; // the events' own pane is 400
    });
    events.group = L.featureGroup().addTo(map); // before streamlit-folium binds its click reports
    events.loaded = fetchJson(options.eventsUrl);
    atlas.borders = L.layerGroup().addTo(map);
    loadOrigins(L.layerGroup().addTo(map), options.originsUrl, events.loaded);
    fetchJson(options.landUrl).then((land) =>
      L.geoJSON(land, {
        pane: "atlas-land",
        interactive: false,
        style: { color: "#9a9080", weight: 0.6, fillColor: "#f2efe6", fillOpacity: 1 },
      }).addTo(map)
    );
  };
})();
