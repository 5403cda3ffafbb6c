// host/credentials's door: what the rest of the host may use. Apps' AppKey/AppSecret/AppCode: generated, stored in the project's secrets file, shown masked.
export { CredentialsService } from './credentials-service';
