//! SQL for users, API tokens and sessions. Lowercase SQL with `$1` placeholders runs on SQLite
//! and PostgreSQL alike.

use std::fmt;

use clientela_shared::{Me, Role};
use sqlx::AnyConnection;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::password::hash_password;
use super::secret::{Secret, hash_secret};
use crate::db::Db;

/// A user as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredUser {
    /// The user's id.
    pub id: i64,
    /// The workspace the user belongs to.
    pub workspace_id: i64,
    /// Lower-cased email.
    pub email: String,
    /// Display name.
    pub name: String,
    /// What the user may do.
    pub role: Role,
    /// The argon2id hash of the password; `None` for users who only use API tokens.
    pub password_hash: Option<String>,
    /// Whether the user takes new customers.
    pub available: bool,
    /// False once an admin deactivated the user: no sign-in, no token, no new customers.
    pub active: bool,
}

impl StoredUser {
    /// The user as the API shows it.
    pub fn me(&self) -> Me {
        Me {
            id: self.id,
            email: self.email.clone(),
            name: self.name.clone(),
            role: self.role,
            workspace_id: self.workspace_id,
        }
    }

    /// Refuses with 403 unless the user has at least `role` (agent < supervisor < admin).
    pub fn require(&self, role: Role) -> Result<(), crate::error::ApiError> {
        if self.role >= role {
            Ok(())
        } else {
            Err(crate::error::ApiError::Forbidden(
                clientela_shared::ApiMessage::RoleRequired { role },
            ))
        }
    }

    fn from_row(row: &AnyRow) -> Result<StoredUser, sqlx::Error> {
        let role: String = row.try_get("role")?;
        Ok(StoredUser {
            id: row.try_get("id")?,
            workspace_id: row.try_get("workspace_id")?,
            email: row.try_get("email")?,
            name: row.try_get("name")?,
            role: role
                .parse()
                .map_err(|err: String| sqlx::Error::Decode(err.into()))?,
            password_hash: row.try_get("password_hash")?,
            available: row.try_get::<i64, _>("available")? != 0,
            active: row.try_get::<i64, _>("active")? != 0,
        })
    }
}

const USER_COLUMNS: &str = "app_user.id, app_user.workspace_id, email, app_user.name, role, \
     password_hash, available, app_user.active";

/// A user to create.
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    /// The workspace to create the user in.
    pub workspace_id: i64,
    /// Email (any case; stored lower-cased).
    pub email: &'a str,
    /// Display name.
    pub name: &'a str,
    /// What the user may do.
    pub role: Role,
    /// The password, or `None` for a user who only uses API tokens.
    pub password: Option<&'a str>,
}

/// Why a user could not be created.
#[derive(Debug)]
pub enum UserError {
    /// The email does not look like one.
    InvalidEmail(String),
    /// Another user already has this email.
    EmailTaken(String),
    /// The database failed.
    Database(sqlx::Error),
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UserError::InvalidEmail(email) => write!(f, "{email:?} is not an email address"),
            UserError::EmailTaken(email) => {
                write!(f, "a user with the email {email} already exists")
            }
            UserError::Database(err) => write!(f, "database error: {err}"),
        }
    }
}

impl std::error::Error for UserError {}

impl From<sqlx::Error> for UserError {
    fn from(err: sqlx::Error) -> Self {
        UserError::Database(err)
    }
}

/// Creates a user; its email must be new.
pub(crate) async fn insert_user(
    connection: &mut AnyConnection,
    user: &NewUser<'_>,
    now_millis: i64,
) -> Result<StoredUser, UserError> {
    let email = user.email.trim().to_lowercase();
    if !looks_like_email(&email) {
        return Err(UserError::InvalidEmail(user.email.to_owned()));
    }
    let password_hash = user.password.map(hash_password);
    let inserted = sqlx::query(
        "insert into app_user (workspace_id, email, name, role, password_hash, available, created_at) \
         values ($1, $2, $3, $4, $5, 1, $6) returning id",
    )
    .bind(user.workspace_id)
    .bind(email.clone())
    .bind(user.name.trim().to_owned())
    .bind(user.role.as_str())
    .bind(password_hash.clone())
    .bind(now_millis)
    .fetch_one(&mut *connection)
    .await;
    let id: i64 = match inserted {
        Ok(row) => row.try_get("id")?,
        Err(sqlx::Error::Database(err)) if err.is_unique_violation() => {
            return Err(UserError::EmailTaken(email));
        }
        Err(err) => return Err(err.into()),
    };
    Ok(StoredUser {
        id,
        workspace_id: user.workspace_id,
        email,
        name: user.name.trim().to_owned(),
        role: user.role,
        password_hash,
        available: true,
        active: true,
    })
}

/// The user with this email (any case), if there is one.
pub(crate) async fn find_user_by_email(
    db: &Db,
    email: &str,
) -> Result<Option<StoredUser>, sqlx::Error> {
    let sql = format!("select {USER_COLUMNS} from app_user where email = $1");
    sqlx::query(&sql)
        .bind(email.trim().to_lowercase())
        .fetch_optional(db.pool())
        .await?
        .as_ref()
        .map(StoredUser::from_row)
        .transpose()
}

/// Creates an API token named `name` for a user; the token is returned once and only its hash
/// is kept.
pub(crate) async fn create_token(
    db: &Db,
    user_id: i64,
    name: &str,
    now_millis: i64,
) -> Result<Secret, sqlx::Error> {
    let token = Secret::generate();
    sqlx::query(
        "insert into api_token (user_id, name, token_hash, created_at) values ($1, $2, $3, $4)",
    )
    .bind(user_id)
    .bind(name.to_owned())
    .bind(token.hash())
    .bind(now_millis)
    .execute(db.pool())
    .await?;
    Ok(token)
}

/// The owner of an API token, if the token exists and its owner is active.
pub(crate) async fn user_by_token(db: &Db, token: &str) -> Result<Option<StoredUser>, sqlx::Error> {
    let sql = format!(
        "select {USER_COLUMNS} from api_token join app_user on app_user.id = api_token.user_id \
         where api_token.token_hash = $1 and app_user.active = 1"
    );
    sqlx::query(&sql)
        .bind(hash_secret(token))
        .fetch_optional(db.pool())
        .await?
        .as_ref()
        .map(StoredUser::from_row)
        .transpose()
}

/// Starts a browser session for a user, valid for `lifetime_millis`; returns the cookie value.
pub(crate) async fn create_session(
    db: &Db,
    user_id: i64,
    now_millis: i64,
    lifetime_millis: i64,
) -> Result<Secret, sqlx::Error> {
    let cookie = Secret::generate();
    sqlx::query(
        "insert into user_session (user_id, token_hash, created_at, expires_at) \
         values ($1, $2, $3, $4)",
    )
    .bind(user_id)
    .bind(cookie.hash())
    .bind(now_millis)
    .bind(now_millis.saturating_add(lifetime_millis))
    .execute(db.pool())
    .await?;
    Ok(cookie)
}

/// The user of a session cookie, if the session exists, has not expired, and its user is
/// active.
pub(crate) async fn user_by_session(
    db: &Db,
    cookie: &str,
    now_millis: i64,
) -> Result<Option<StoredUser>, sqlx::Error> {
    let sql = format!(
        "select {USER_COLUMNS} from user_session \
         join app_user on app_user.id = user_session.user_id \
         where user_session.token_hash = $1 and user_session.expires_at > $2 \
         and app_user.active = 1"
    );
    sqlx::query(&sql)
        .bind(hash_secret(cookie))
        .bind(now_millis)
        .fetch_optional(db.pool())
        .await?
        .as_ref()
        .map(StoredUser::from_row)
        .transpose()
}

/// Ends a session (signing out); an unknown cookie is not an error.
pub(crate) async fn delete_session(db: &Db, cookie: &str) -> Result<(), sqlx::Error> {
    sqlx::query("delete from user_session where token_hash = $1")
        .bind(hash_secret(cookie))
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Something, an `@`, something with a dot: enough for an account; customer emails get the full
/// check of the validation engine.
fn looks_like_email(email: &str) -> bool {
    email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !email.contains(char::is_whitespace)
    })
}

#[cfg(test)]
mod tests {
    use super::looks_like_email;

    #[test]
    fn account_emails_need_a_local_part_and_a_dotted_domain() {
        assert!(looks_like_email("ana@example.com"));
        assert!(!looks_like_email("ana@localhost"));
        assert!(!looks_like_email("@example.com"));
        assert!(!looks_like_email("ana example@example.com"));
    }
}
