// A line of the latest values, scaled to its own range: an SVG built with DOM calls.
const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 300;
const HEIGHT = 60;

export function sparkline(values: number[]): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "sparkline");
  svg.setAttribute("width", String(WIDTH));
  svg.setAttribute("height", String(HEIGHT));
  svg.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
  svg.dataset["points"] = String(values.length);
  const top = Math.max(1, ...values);
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  const line = document.createElementNS(SVG, "polyline");
  const point = (value: number, index: number) => {
    const y = HEIGHT - 4 - (value / top) * (HEIGHT - 8);
    return `${(index * step).toFixed(1)},${y.toFixed(1)}`;
  };
  line.setAttribute("points", values.map(point).join(" "));
  svg.append(line);
  return svg;
}
