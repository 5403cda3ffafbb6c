// host/openapi's door: what the rest of the host may use. Swagger/OpenAPI documents: imported into the design and exported from it.
export { ExportService } from './export-service';
export { ImportService } from './import-service';
