// Word lists for the demo contacts: Spanish and Latin-American names, places and companies.

export const FIRST_NAMES = [
  'María', 'José', 'Guadalupe', 'Juan', 'Fernanda', 'Luis', 'Ximena', 'Andrés', 'Camila', 'Javier',
  'Daniela', 'Miguel Ángel', 'Lucía', 'Alejandro', 'Paula', 'Ricardo', 'Mariana', 'Jorge', 'Isabel', 'Pablo',
  'Renata', 'Héctor', 'Natalia', 'Sebastián', 'Gabriela', 'Raúl', 'Carmen', 'Óscar', 'Elena', 'Tomás',
  'Rocío', 'Emilio', 'Verónica', 'Iván', 'Adriana', 'Julián', 'Inés', 'Mauricio', 'Regina', 'Ángela',
];

export const LAST_NAMES = [
  'Hernández', 'González', 'Rodríguez', 'Martínez', 'López', 'Pérez', 'Sánchez', 'Ramírez', 'Flores', 'Gómez',
  'Díaz', 'Vázquez', 'Jiménez', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Navarro', 'Ortiz', 'Rubio',
  'Castro', 'Vargas', 'Guerrero', 'Medina', 'Aguilar', 'Córdoba', 'Peña', 'Ibáñez', 'Salazar', 'Núñez',
];

// Country, E.164 calling code, national number length with its leading digits (mobile ranges), and cities.
export const PLACES = [
  { country: 'México', code: '+52', lead: '', digits: 10, weight: 5, cities: ['Ciudad de México', 'Guadalajara', 'Monterrey', 'Puebla', 'Mérida', 'Querétaro', 'León'] },
  { country: 'España', code: '+34', lead: '6', digits: 9, weight: 2, cities: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Málaga', 'Zaragoza'] },
  { country: 'Colombia', code: '+57', lead: '3', digits: 10, weight: 2, cities: ['Bogotá', 'Medellín', 'Cali', 'Barranquilla', 'Cartagena'] },
  { country: 'Argentina', code: '+54', lead: '9', digits: 11, weight: 1, cities: ['Buenos Aires', 'Córdoba', 'Rosario', 'Mendoza'] },
  { country: 'Chile', code: '+56', lead: '9', digits: 9, weight: 1, cities: ['Santiago', 'Valparaíso', 'Concepción'] },
  { country: 'Perú', code: '+51', lead: '9', digits: 9, weight: 1, cities: ['Lima', 'Arequipa', 'Trujillo'] },
] as const;

export const COMPANIES = [
  'Abarrotes La Esperanza', 'Grupo Textil del Bajío', 'Café Altura', 'Ferretería Núñez e Hijos', 'Clínica Dental Sonrisa',
  'Librería El Quijote', 'Panadería San Ángel', 'Distribuidora Andina', 'Estudio Cálido Diseño', 'Transportes Rápidos del Norte',
  'Hotel Mirador', 'Agencia Brújula Viajes', 'Constructora Cimientos', 'Óptica Visión Clara', 'Farmacia La Salud',
  'Escuela de Idiomas Babel', 'Muebles Roble', 'Taller Mecánico El Piñón', 'Floristería Jazmín', 'Consultora Fénix',
];

export const EMAIL_DOMAINS = ['gmail.com', 'hotmail.com', 'outlook.es', 'yahoo.com.mx', 'icloud.com', 'correo.ejemplo'];

export const BIOS = [
  'Compra para su negocio cada mes.',
  'Prefiere que lo contacten por correo.',
  'Cliente desde la primera tienda en línea.',
  'Responsable de compras de su empresa.',
  'Pide factura en cada compra.',
  null,
  null,
  null,
];

// Plain ASCII version of a name for emails and handles: "Núñez" → "nunez".
export const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
