// spx monitor dashboard. Every piece of text that comes from data goes in through textContent (el/td below),
// never innerHTML, so a hostile ticker or alert message is shown, not run.
"use strict";

(() => {
  const state = {
    expiry: new URLSearchParams(location.search).get("expiry") || "",
    refreshSeconds: 15,
    auto: true,
    timer: null,
    refreshes: 0,
    busy: false,
  };

  const $ = (id) => document.getElementById(id);
  const count = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
  const price = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const etTime = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const etDay = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

  // --- small DOM helpers -------------------------------------------------------------------------------------

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function td(text, className) { return el("td", text, className); }

  function emptyRow(tbody, columns, text) {
    const row = el("tr", null, "empty");
    const cell = td(text);
    cell.colSpan = columns;
    row.append(cell);
    tbody.append(row);
  }

  const fmtCount = (v) => (v === null || v === undefined ? "—" : count.format(v));
  const fmtPrice = (v) => (v === null || v === undefined ? "—" : price.format(v));
  const fmtTime = (iso) => (iso ? etTime.format(new Date(iso)) : "—");

  function fmtDollars(v) {
    if (v === null || v === undefined) return "—";
    if (Math.abs(v) >= 1e6) return "$" + (v / 1e6).toFixed(2) + "M";
    if (Math.abs(v) >= 1e3) return "$" + (v / 1e3).toFixed(0) + "k";
    return "$" + count.format(v);
  }

  function fmtLag(seconds) {
    if (seconds === null || seconds === undefined) return "";
    if (seconds < 90) return seconds + "s";
    if (seconds < 5400) return Math.round(seconds / 60) + "m";
    if (seconds < 172800) return Math.round(seconds / 3600) + "h";
    return Math.round(seconds / 86400) + "d";
  }

  function signed(v) {
    const span = el("span", v === null || v === undefined ? "—" : (v > 0 ? "+" : "") + count.format(v));
    if (v > 0) span.className = "pos";
    if (v < 0) span.className = "neg";
    return span;
  }

  // --- data ---------------------------------------------------------------------------------------------------

  async function getJson(path) {
    const response = await fetch(path, { cache: "no-store" });
    let body = null;
    try { body = await response.json(); } catch { body = null; }
    if (!response.ok) {
      const message = body && body.error ? body.error : response.status + " " + response.statusText;
      throw new Error(message);
    }
    return body;
  }

  function withExpiry(path) {
    return state.expiry ? path + (path.includes("?") ? "&" : "?") + "expiry=" + encodeURIComponent(state.expiry) : path;
  }

  async function refresh() {
    if (state.busy) return;
    state.busy = true;
    clearTimeout(state.timer);
    try {
      const [health, expirations, latest, intraday, alerts, daily, stats] = await Promise.all([
        getJson("/api/health"),
        getJson("/api/expirations"),
        getJson(withExpiry("/api/intraday/latest/enriched")),
        getJson(withExpiry("/api/intraday/series")),
        getJson(withExpiry("/api/alerts?limit=200")),
        getJson(withExpiry("/api/daily")),
        getJson("/api/stats"),
      ]);
      showBanner(null);
      renderHealth(health);
      renderExpirations(expirations);
      renderLatest(latest, sparkSeries(intraday));
      renderCharts(latest);
      renderAlerts(alerts);
      renderDaily(daily);
      renderStats(stats);
      state.refreshSeconds = Math.max(2, health.refresh_seconds || state.refreshSeconds);
      state.refreshes += 1;
      document.body.dataset.poll = latest.poll_ts || "";
      document.body.dataset.refreshes = String(state.refreshes);
      $("updated").textContent = "updated " + etTime.format(new Date()) + " ET";
    } catch (error) {
      showBanner(error.message);
      renderHealthError();
      document.body.dataset.refreshes = String(++state.refreshes);
    } finally {
      state.busy = false;
      schedule();
    }
  }

  function schedule() {
    clearTimeout(state.timer);
    if (state.auto) state.timer = setTimeout(refresh, state.refreshSeconds * 1000);
  }

  function showBanner(message) {
    const banner = $("banner");
    banner.hidden = !message;
    banner.textContent = message || "";
  }

  // --- header -------------------------------------------------------------------------------------------------

  const marketDots = { open: "ok", pre_open: "warn", closed: "idle", weekend: "idle", holiday: "idle" };
  const healthDots = { ok: "ok", waiting: "warn", late: "bad", idle: "idle", no_data: "idle" };

  function renderHealth(h) {
    const m = h.market;
    $("market-dot").className = "dot " + (marketDots[m.state] || "idle");
    let market = "market " + m.state.replaceAll("_", " ");
    if (m.holiday) market += " (" + m.holiday + ")";
    if (m.state !== "open") market += " · opens " + etDay.format(new Date(m.next_open));
    else if (m.close) market += " · closes " + fmtTime(m.close) + (m.early_close ? " early" : "");
    $("market-text").textContent = market;

    $("health-dot").className = "dot " + (healthDots[h.status] || "idle");
    $("health-text").textContent = "monitor " + h.status.replaceAll("_", " ") + (h.lag_seconds !== null ? " · " + fmtLag(h.lag_seconds) + " ago" : "");
    $("poll").textContent = h.poll_ts ? fmtTime(h.poll_ts) + " ET" : "—";
    $("session").textContent = h.session || "—";
  }

  function renderHealthError() {
    $("health-dot").className = "dot bad";
    $("health-text").textContent = "monitor unavailable";
  }

  function renderExpirations(data) {
    const select = $("expiry");
    const wanted = state.expiry;
    const options = [el("option", "all")];
    options[0].value = "";
    for (const row of data.rows) {
      const option = el("option", row.expiry + "  " + row.roots + "  " + row.days_to_expiry + "d  " + fmtCount(row.day_volume));
      option.value = row.expiry;
      options.push(option);
    }
    if (wanted && !data.rows.some((r) => r.expiry === wanted)) {
      const option = el("option", wanted + "  (not in this poll)");
      option.value = wanted;
      options.push(option);
    }
    select.replaceChildren(...options);
    select.value = wanted;
  }

  // --- latest poll table --------------------------------------------------------------------------------------

  function sparkSeries(intraday) {
    const polls = intraday.polls.map((p) => Date.parse(p));
    const series = new Map();
    for (const [ticker, volumes] of Object.entries(intraday.series)) {
      series.set(ticker, volumes.map((v, i) => [polls[i], v]).filter((p) => p[1] !== null));
    }
    return { polls, series };
  }

  function sparkline(points, polls) {
    const ns = "http://www.w3.org/2000/svg";
    const width = 90, height = 18;
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("class", "spark");
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
    if (!points || points.length === 0) return svg;
    const t0 = polls.length ? polls[0] : points[0][0];
    const t1 = polls.length ? polls[polls.length - 1] : points[points.length - 1][0];
    const vmax = Math.max(1, ...points.map((p) => p[1]));
    const x = (t) => (t1 > t0 ? ((t - t0) / (t1 - t0)) * (width - 4) + 2 : width / 2);
    const y = (v) => height - 2 - (v / vmax) * (height - 4);
    const line = document.createElementNS(ns, "polyline");
    line.setAttribute("points", points.map((p) => x(p[0]).toFixed(1) + "," + y(p[1]).toFixed(1)).join(" "));
    svg.append(line);
    const last = points[points.length - 1];
    const dot = document.createElementNS(ns, "circle");
    dot.setAttribute("cx", x(last[0]).toFixed(1));
    dot.setAttribute("cy", y(last[1]).toFixed(1));
    dot.setAttribute("r", "1.8");
    svg.append(dot);
    const title = document.createElementNS(ns, "title");
    title.textContent = points.map((p) => fmtTime(new Date(p[0]).toISOString()) + " " + count.format(p[1])).join("\n");
    svg.append(title);
    return svg;
  }

  function renderLatest(data, spark) {
    const tbody = $("latest").tBodies[0];
    tbody.replaceChildren();
    $("latest-count").textContent = data.rows.length + " contracts" + (state.expiry ? " · " + state.expiry : "");
    const counts = Object.entries(data.source_counts || {}).filter(([, n]) => n > 0).map(([s, n]) => s + " " + n);
    $("source-counts").textContent = counts.length ? "compare: " + counts.join(" · ") : "";
    if (data.rows.length > 0) $("spot").textContent = fmtPrice(data.rows[0].spot);
    if (data.rows.length === 0) {
      emptyRow(tbody, 13, data.poll_ts ? "no contracts for this expiration" : "no polls in the lake yet");
      return;
    }
    // Most active first: flagged contracts, then by day volume (the API orders by expiry and strike).
    const rows = [...data.rows].sort((a, b) => (b.flags.length > 0) - (a.flags.length > 0) || b.day_volume - a.day_volume || a.strike - b.strike);
    for (const r of rows) {
      const row = el("tr");
      row.dataset.ticker = r.ticker;
      row.dataset.expiry = r.expiry;
      if (r.flags.length > 0) row.className = "flagged";
      const otm = r.spot ? ((1 - r.strike / r.spot) * 100).toFixed(1) + "%" : "—";
      const sparkCell = td(null);
      sparkCell.append(sparkline(spark.series.get(r.ticker), spark.polls));
      const changeCell = td(null, "n");
      changeCell.append(signed(r.change));
      const flagsCell = td(null);
      for (const flag of r.flags) flagsCell.append(el("span", flag.replaceAll("_", " "), "flag" + (r.alerted.includes(flag) ? " alerted" : "")));
      row.append(
        td(r.ticker, "ticker"),
        td(r.expiry),
        td(fmtPrice(r.strike), "n"),
        td(otm, "n"),
        td(fmtCount(r.day_volume), "n"),
        td(fmtCount(r.volume_delta), "n"),
        sparkCell,
        td(fmtCount(r.comparison_volume), "n"),
        td(r.comparison_source),
        changeCell,
        td(r.ratio === null ? "—" : r.ratio.toFixed(1), "n"),
        td(fmtDollars(r.premium), "n"),
        flagsCell,
      );
      tbody.append(row);
    }
  }

  // --- charts -------------------------------------------------------------------------------------------------

  const chartLayout = (extra) => Object.assign({
    paper_bgcolor: "#141a22",
    plot_bgcolor: "#141a22",
    font: { color: "#c9d4e0", size: 10, family: "DejaVu Sans Mono, monospace" },
    margin: { l: 50, r: 10, t: 6, b: 34 },
    xaxis: { gridcolor: "#232c38", zerolinecolor: "#232c38" },
    yaxis: { gridcolor: "#232c38", zerolinecolor: "#232c38" },
    legend: { orientation: "h", y: 1.12, font: { size: 9 } },
    bargap: 0.15,
  }, extra);
  const chartConfig = { displayModeBar: false, responsive: true };

  function renderCharts(data) {
    if (!window.Plotly) return;
    const byExpiry = new Map();
    for (const r of data.rows) {
      if (!byExpiry.has(r.expiry)) byExpiry.set(r.expiry, { x: [], y: [], text: [] });
      const t = byExpiry.get(r.expiry);
      t.x.push(r.strike);
      t.y.push(r.day_volume);
      t.text.push(r.ticker);
    }
    const strikes = [...byExpiry.entries()].map(([expiry, t]) => ({
      type: "bar", name: expiry, x: t.x, y: t.y, text: t.text, textposition: "none",
      hovertemplate: "%{text}<br>strike %{x}<br>volume %{y:,}<extra></extra>",
    }));
    Plotly.react("chart-strikes", strikes, chartLayout({
      barmode: "stack", showlegend: strikes.length > 1,
      xaxis: { title: { text: "strike" }, gridcolor: "#232c38" },
      yaxis: { title: { text: "day volume" }, gridcolor: "#232c38" },
    }), chartConfig);

    const movers = [...data.rows].filter((r) => r.volume_delta > 0)
      .sort((a, b) => b.volume_delta - a.volume_delta || a.ticker.localeCompare(b.ticker)).slice(0, 10).reverse();
    Plotly.react("chart-movers", [{
      type: "bar", orientation: "h",
      x: movers.map((r) => r.volume_delta),
      y: movers.map((r) => r.ticker.replace(/^O:/, "")),
      marker: { color: movers.map((r) => (r.flags.length ? "#f0b429" : "#4ea1ff")) },
      hovertemplate: "%{y}<br>+%{x:,} since the previous poll<extra></extra>",
    }], chartLayout({
      margin: { l: 130, r: 10, t: 6, b: 30 },
      xaxis: { title: { text: "volume since the previous poll" }, gridcolor: "#232c38" },
      yaxis: { automargin: true, gridcolor: "#232c38" },
    }), chartConfig);
  }

  // --- alerts, daily, stats -----------------------------------------------------------------------------------

  function renderAlerts(data) {
    const tbody = $("alerts").tBodies[0];
    tbody.replaceChildren();
    $("alerts-count").textContent = String(data.rows.length);
    if (data.rows.length === 0) { emptyRow(tbody, 6, "no alerts"); return; }
    for (const a of data.rows) {
      const row = el("tr");
      row.append(
        td(a.session + " " + fmtTime(a.poll_ts)),
        td(a.rule.replaceAll("_", " ")),
        td(a.ticker, "ticker"),
        td(fmtCount(a.day_volume), "n"),
        td(a.comparison_source),
        messageCell(a.message),
      );
      tbody.append(row);
    }
  }

  function messageCell(message) {
    const cell = td(message, "msg");
    cell.title = message;
    return cell;
  }

  function renderDaily(data) {
    const tbody = $("daily").tBodies[0];
    tbody.replaceChildren();
    if (data.sessions.length === 0) { emptyRow(tbody, 4, "no end-of-day rows yet"); return; }
    for (const s of [...data.sessions].reverse()) {
      const row = el("tr");
      row.append(td(s.session), td(fmtCount(s.contracts), "n"), td(fmtCount(s.day_volume), "n"), td(fmtPrice(s.spot), "n"));
      tbody.append(row);
    }
  }

  function renderStats(data) {
    const parts = data.datasets.map((d) => d.dataset + " " + count.format(d.rows) + " rows/" + d.partitions + "p");
    if (data.session) parts.push(data.session.polls + " polls today");
    if (data.warnings.length) parts.push(data.warnings.length + " unreadable partition(s)");
    $("stats").textContent = parts.join(" · ");
  }

  async function loadVersion() {
    try {
      const v = await getJson("/api/version");
      $("version").textContent = "v" + v.version.split("+")[0] + " · plotly " + v.plotly;
    } catch {
      // The version is decoration; the banner reports real failures.
    }
  }

  // --- controls -----------------------------------------------------------------------------------------------

  function setExpiry(value) {
    state.expiry = value;
    const url = new URL(location.href);
    if (value) url.searchParams.set("expiry", value); else url.searchParams.delete("expiry");
    history.replaceState(null, "", url);
    refresh();
  }

  function stepExpiry(step) {
    const select = $("expiry");
    const next = Math.min(select.options.length - 1, Math.max(0, select.selectedIndex + step));
    if (next !== select.selectedIndex) setExpiry(select.options[next].value);
  }

  function toggleAuto() {
    state.auto = !state.auto;
    $("auto").classList.toggle("off", !state.auto);
    schedule();
  }

  function toggleHelp(show) {
    const help = $("help");
    help.hidden = show === undefined ? !help.hidden : !show;
  }

  $("expiry").addEventListener("change", (e) => setExpiry(e.target.value));
  $("refresh").addEventListener("click", () => refresh());
  $("auto").addEventListener("click", toggleAuto);
  $("help-button").addEventListener("click", () => toggleHelp());
  $("help").addEventListener("click", () => toggleHelp(false));

  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "Escape") { toggleHelp(false); document.activeElement.blur(); return; }
    if (e.target instanceof HTMLSelectElement || e.target instanceof HTMLInputElement) return;
    switch (e.key) {
      case "r": refresh(); break;
      case "/": e.preventDefault(); $("expiry").focus(); break;
      case "[": stepExpiry(-1); break;
      case "]": stepExpiry(1); break;
      case "a": toggleAuto(); break;
      case "?": toggleHelp(); break;
      default: return;
    }
  });

  loadVersion();
  refresh();
})();
