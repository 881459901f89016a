// A few DOM helpers: elements are built with h(), text is always set as text (never as HTML).
type Child = Node | string | number | null | undefined | false;
type Attribute = string | number | boolean | undefined | ((event: Event) => void);

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, Attribute> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (typeof value === "boolean") element.toggleAttribute(name, value);
    else if (value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}

export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A form's named field, as text. */
export function field(form: HTMLFormElement, name: string): string {
  const input = form.elements.namedItem(name);
  return input instanceof HTMLInputElement || input instanceof HTMLSelectElement ? input.value : "";
}

/** A table head row of these titles. */
export function head(...titles: string[]): HTMLTableSectionElement {
  return h("thead", {}, h("tr", {}, ...titles.map((title) => h("th", {}, title))));
}

export function when(at: string | null | undefined): string {
  return at ? new Date(at).toLocaleString() : "never";
}

export function onlineLabel(online: boolean): HTMLSpanElement {
  return h("span", { class: online ? "online" : "offline" }, online ? "online" : "offline");
}
