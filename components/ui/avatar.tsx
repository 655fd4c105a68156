import { initials } from '@/lib/format/initials';

// A round avatar: the picture when there is one, else the initials on a colour derived from the name.
const COLOURS = ['bg-sky-100 text-sky-800', 'bg-emerald-100 text-emerald-800', 'bg-amber-100 text-amber-800', 'bg-rose-100 text-rose-800', 'bg-violet-100 text-violet-800', 'bg-teal-100 text-teal-800'];

const colourFor = (name: string) => COLOURS[[...name].reduce((sum, char) => sum + char.charCodeAt(0), 0) % COLOURS.length];

export const Avatar = ({ name, src, size = 'md' }: { name: string; src?: string | null; size?: 'sm' | 'md' }) => {
  const box = size === 'sm' ? 'h-6 w-6 text-[10px]' : 'h-9 w-9 text-xs';
  if (src) {
    // eslint-disable-next-line @next/next/no-img-element -- avatars come from any host, at tiny sizes
    return <img src={src} alt="" className={`${box} shrink-0 rounded-full object-cover`} />;
  }
  return (
    <span aria-hidden className={`${box} ${colourFor(name)} flex shrink-0 items-center justify-center rounded-full font-semibold`}>
      {initials(name)}
    </span>
  );
};
