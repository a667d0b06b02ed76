// Runs once, when the MongoDB volume is new: one user per service, each allowed only its own database.
const services = {
  registration: process.env.REGISTRATION_DB_PASSWORD,
  catalog: process.env.CATALOG_DB_PASSWORD,
  billing: process.env.BILLING_DB_PASSWORD,
  notification: process.env.NOTIFICATION_DB_PASSWORD,
};
for (const [database, password] of Object.entries(services)) {
  db.getSiblingDB(database).createUser({ user: database, pwd: password, roles: [{ role: "readWrite", db: database }] });
}
