import type { Topic } from './topic';

// Sign-in, passwords and bugs.
export const ACCOUNT_TOPICS: Topic[] = [
  {
    key: 'contrasena',
    team: 'soporte',
    labels: ['cuenta'],
    order: false,
    subject: 'No puedo restablecer mi contraseña',
    opening: [
      'Hola, olvidé mi contraseña y el correo para restablecerla nunca llega.',
      'No puedo entrar a mi cuenta: la contraseña no funciona y el correo para cambiarla no me llega.',
    ],
    exchanges: [
      {
        agent: [
          '¿Revisaste la carpeta de spam o correo no deseado? A veces el mensaje termina ahí.',
          'Te ayudo. ¿Con qué correo te registraste?',
        ],
        contact: ['Ya revisé y no hay nada.', 'Con el mismo desde el que les escribo.'],
      },
      {
        agent: [
          'Encontré el problema: tu correo estaba en la lista de rebotes. Ya lo quité; intenta de nuevo y debería llegarte en un minuto.',
          'Te envié un nuevo enlace para restablecer la contraseña. Es válido por 30 minutos.',
        ],
        contact: ['¡Ya pude entrar! Gracias.', 'Ahora sí llegó, gracias.'],
      },
    ],
    notes: ['El correo del cliente estaba en la lista de rebotes del proveedor de email.'],
    resolution: ['Me alegra que ya puedas entrar. Te recomendamos activar la verificación en dos pasos.'],
  },
  {
    key: 'error_app',
    team: 'soporte',
    labels: ['bug'],
    order: false,
    subject: 'La aplicación se cierra al pagar',
    opening: [
      'La aplicación se cierra cada vez que intento pagar con tarjeta. Ya la reinstalé y sigue igual.',
      'Hola, al agregar productos al carrito me sale "Error 500" y no puedo continuar.',
      'Desde la actualización de ayer no carga el historial de pedidos en la app.',
    ],
    exchanges: [
      {
        agent: [
          'Gracias por avisarnos, {cliente}. ¿Qué modelo de teléfono y qué versión de la aplicación tienes?',
          'Lamento la falla, {cliente}. ¿Desde qué dispositivo usas la aplicación?',
        ],
        contact: ['Un Samsung A54, versión 3.8.1.', 'iPhone 13 con iOS 17, la app está actualizada.'],
      },
      {
        agent: [
          'Pudimos reproducir el error y el equipo de desarrollo ya trabaja en la corrección. Mientras tanto puedes pagar desde el sitio web.',
          'Es un error conocido de la última versión; la corrección sale en la próxima actualización. Mientras tanto puedes usar el sitio web.',
        ],
        contact: ['Ok, ¿me avisan cuando esté corregido?', 'Está bien, pago desde la computadora.'],
      },
      {
        agent: ['Claro, te escribo en cuanto publiquemos la actualización.', 'Perfecto. Te avisaremos cuando salga la actualización.'],
        contact: ['Gracias.', 'Va, gracias.'],
      },
    ],
    attachment: {
      from: 'contact',
      after: 'opening',
      content: null,
      file: { kind: 'image', fileName: 'captura-error.png', mimeType: 'image/png', size: 412_907, width: 1170, height: 2532 },
    },
    notes: ['Reportado a desarrollo como BUG-{guia}. Afecta a Android con la versión 3.8.1.', '{mencion} ¿ya tenemos fecha para la corrección del error de pagos?'],
    resolution: ['La actualización 3.8.2 ya está disponible y corrige el error. ¡Gracias por reportarlo!'],
  },
  {
    key: 'cuenta_bloqueada',
    team: 'soporte',
    labels: ['cuenta', 'urgente'],
    order: false,
    subject: 'Cuenta bloqueada',
    opening: [
      'Mi cuenta aparece bloqueada y tengo que facturar hoy. ¡Es urgente!',
      'Hola, intenté entrar varias veces y ahora dice que mi cuenta está bloqueada.',
    ],
    exchanges: [
      {
        agent: [
          'Por seguridad la cuenta se bloquea tras varios intentos fallidos. Para desbloquearla, ¿me confirmas tu nombre completo y la fecha de tu última compra?',
          'Te ayudo de inmediato. Necesito verificar tu identidad: ¿cuál es el correo de la cuenta?',
        ],
        contact: ['Claro, soy {cliente} y mi última compra fue el mes pasado.', 'Es este mismo correo.'],
      },
      {
        agent: ['Listo, desbloqueé tu cuenta. Te recomiendo cambiar la contraseña al entrar.', 'Cuenta desbloqueada. Ya puedes iniciar sesión.'],
        contact: ['Ya entré, gracias por la rapidez.', 'Perfecto, muchas gracias.'],
      },
    ],
    notes: ['Identidad verificada con la fecha de la última compra. Cuenta desbloqueada manualmente.'],
    resolution: ['Todo listo. Si vuelves a tener problemas para entrar, escríbenos.'],
  },
];
