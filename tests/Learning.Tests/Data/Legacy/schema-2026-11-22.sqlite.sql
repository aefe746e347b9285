-- The schema of 2026-11-22 (migrations Initial, Content, Assessment, Mooc), as sqlite3 .schema printed it.
CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
    "Timestamp" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "Organisation" TEXT NULL,
    "Country" TEXT NULL,
    "Profession" TEXT NULL,
    "PreferredCulture" TEXT NOT NULL,
    "PrivacyAcceptedUtc" TEXT NOT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "OutboxMessages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY AUTOINCREMENT,
    "To" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "TextBody" TEXT NOT NULL,
    "HtmlBody" TEXT NOT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "SentUtc" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");
CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");
CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");
CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");
CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");
CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");
CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");
CREATE INDEX "IX_OutboxMessages_SentUtc" ON "OutboxMessages" ("SentUtc");
CREATE TABLE IF NOT EXISTS "ContentItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContentItems" PRIMARY KEY AUTOINCREMENT,
    "Type" TEXT NOT NULL,
    "SetId" TEXT NOT NULL,
    "Culture" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "PublishedVersionId" INTEGER NULL,
    "LatestVersionNumber" INTEGER NOT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "UpdatedUtc" TEXT NOT NULL,
    "PublishedUtc" TEXT NULL,
    "TranslatedFromVersion" INTEGER NULL,
    CONSTRAINT "FK_ContentItems_ContentVersions_PublishedVersionId" FOREIGN KEY ("PublishedVersionId") REFERENCES "ContentVersions" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "ContentVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContentVersions" PRIMARY KEY AUTOINCREMENT,
    "ItemId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Fields" TEXT NOT NULL,
    "Author" TEXT NOT NULL,
    "Note" TEXT NULL,
    "CreatedUtc" TEXT NOT NULL,
    CONSTRAINT "FK_ContentVersions_ContentItems_ItemId" FOREIGN KEY ("ItemId") REFERENCES "ContentItems" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_ContentItems_PublishedVersionId" ON "ContentItems" ("PublishedVersionId");
CREATE UNIQUE INDEX "IX_ContentItems_Type_SetId_Culture" ON "ContentItems" ("Type", "SetId", "Culture");
CREATE UNIQUE INDEX "IX_ContentItems_Type_Culture_Slug" ON "ContentItems" ("Type", "Culture", "Slug");
CREATE UNIQUE INDEX "IX_ContentVersions_ItemId_Number" ON "ContentVersions" ("ItemId", "Number");
CREATE TABLE IF NOT EXISTS "MediaFiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MediaFiles" PRIMARY KEY AUTOINCREMENT,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "StorageName" TEXT NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "UploadedUtc" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_MediaFiles_StorageName" ON "MediaFiles" ("StorageName");
CREATE VIRTUAL TABLE "ContentSearch" USING fts5("ItemId" UNINDEXED, "Culture" UNINDEXED, "Text", tokenize = 'unicode61 remove_diacritics 2')
/* ContentSearch(ItemId,Culture,Text) */;
CREATE TABLE IF NOT EXISTS 'ContentSearch_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE IF NOT EXISTS 'ContentSearch_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'ContentSearch_content'(id INTEGER PRIMARY KEY, c0, c1, c2);
CREATE TABLE IF NOT EXISTS 'ContentSearch_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'ContentSearch_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS "BankQuestions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BankQuestions" PRIMARY KEY AUTOINCREMENT,
    "Bank" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Culture" TEXT NOT NULL,
    "Data" TEXT NOT NULL,
    "UpdatedUtc" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "Attempts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Attempts" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "Bank" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Questions" TEXT NOT NULL,
    "ChoiceOrders" TEXT NOT NULL,
    "PassPercent" TEXT NOT NULL,
    "StartedUtc" TEXT NOT NULL,
    "SubmittedUtc" TEXT NULL,
    "Score" TEXT NULL,
    "Passed" INTEGER NULL
);
CREATE TABLE IF NOT EXISTS "AttemptAnswers" (
    "AttemptId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Response" TEXT NOT NULL,
    "SavedUtc" TEXT NOT NULL,
    "Score" TEXT NULL,
    CONSTRAINT "PK_AttemptAnswers" PRIMARY KEY ("AttemptId", "Position"),
    CONSTRAINT "FK_AttemptAnswers_Attempts_AttemptId" FOREIGN KEY ("AttemptId") REFERENCES "Attempts" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "Certificates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Certificates" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "RecipientName" TEXT NOT NULL,
    "RecipientHash" TEXT NOT NULL,
    "Salt" TEXT NOT NULL,
    "Culture" TEXT NOT NULL,
    "IssuedUtc" TEXT NOT NULL,
    "RevokedUtc" TEXT NULL,
    "RevocationReason" TEXT NULL
);
CREATE UNIQUE INDEX "IX_Certificates_Code" ON "Certificates" ("Code");
CREATE UNIQUE INDEX "IX_Certificates_UserId" ON "Certificates" ("UserId");
CREATE UNIQUE INDEX "IX_BankQuestions_Bank_Name_Culture" ON "BankQuestions" ("Bank", "Name", "Culture");
CREATE UNIQUE INDEX "IX_Attempts_UserId_Bank_Number" ON "Attempts" ("UserId", "Bank", "Number");
CREATE TABLE IF NOT EXISTS "Enrolments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Enrolments" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "EnrolledUtc" TEXT NOT NULL,
    "LastPart" TEXT NULL,
    "LastActivity" TEXT NULL,
    "SuggestedParts" TEXT NULL
);
CREATE UNIQUE INDEX "IX_Enrolments_UserId" ON "Enrolments" ("UserId");
CREATE TABLE IF NOT EXISTS "ActivityProgress" (
    "UserId" TEXT NOT NULL,
    "ActivityId" TEXT NOT NULL,
    "Part" TEXT NOT NULL,
    "Tries" INTEGER NOT NULL,
    "LastTriedUtc" TEXT NOT NULL,
    "CompletedUtc" TEXT NULL,
    CONSTRAINT "PK_ActivityProgress" PRIMARY KEY ("UserId", "ActivityId")
);
INSERT INTO "__EFMigrationsHistory" VALUES('20261122120000_Initial','10.0.14'),('20261122130000_Content','10.0.14'),('20261122140000_Assessment','10.0.14'),('20261122150000_Mooc','10.0.14');
