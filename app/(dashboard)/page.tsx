import { redirect } from 'next/navigation';

const DashboardHome = () => redirect('/all');

export default DashboardHome;
