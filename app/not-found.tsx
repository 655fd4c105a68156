import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';

const NotFound = async () => {
  const t = await getTranslations('notFound');
  return (
    <main className="flex min-h-full flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <Link href="/" className="text-brand-600 underline">
        {t('back')}
      </Link>
    </main>
  );
};

export default NotFound;
