// The key an attribute gets from its display name when the administrator types none: ascii
// snake_case ("Número de pedido" → "numero_de_pedido"), at most 50 characters. Empty when the
// name has no latin letter or digit (e.g. "日付"): the administrator must then type a key.
export const deriveAttributeKey = (displayName: string): string =>
  displayName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 50)
    .replace(/_+$/, '');
