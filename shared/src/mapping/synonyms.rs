//! What headers mean: synonyms of every built-in field in English, Spanish, Portuguese and Polish,
//! folded and written without spaces (see [`crate::text::compact`]).

use crate::schema::field::Field;

/// Headers that name a person without saying which part: the full name, unless a surname column
/// exists, in which case they are the first name.
pub const AMBIGUOUS_NAMES: &[&str] = &["name", "nombre", "nome", "nombres", "names", "contact", "contacto", "contato", "cliente", "customer", "klient"];

/// The synonyms of each field.
pub const SYNONYMS: &[(Field, &[&str])] = &[
    (Field::FirstName, &[
        "firstname", "first", "givenname", "forename", "primernombre", "nombrepila", "primeironome",
        "prenome", "imie", "imiona", "pierwszeimie", "fname",
    ]),
    (Field::MiddleName, &[
        "middlename", "middle", "segundonombre", "nomedomeio", "segundonome", "drugieimie",
    ]),
    (Field::LastName, &[
        "lastname", "surname", "familyname", "apellido", "apellidos", "primerapellido",
        "firstsurname", "apellidopaterno", "sobrenome", "ultimonome", "nazwisko", "lname",
        "firstlastname",
    ]),
    (Field::SecondLastName, &[
        "secondlastname", "secondsurname", "segundoapellido", "apellidomaterno",
        "segundosobrenome", "drugienazwisko",
    ]),
    (Field::FullName, &[
        "fullname", "nombrecompleto", "nomecompleto", "imieinazwisko", "name", "nombre", "nome",
        "nombres", "names", "contact", "contacto", "contato", "contactname", "nombrecliente",
        "nomecliente", "customername", "clientname", "cliente", "customer", "klient",
        "nombreyapellido", "nombreyapellidos", "nombresyapellidos", "displayname",
    ]),
    (Field::Email, &[
        "email", "mail", "emailaddress", "correo", "correoelectronico", "correoe", "ecorreo",
        "correio", "correioeletronico", "enderecodeemail", "adresemail", "adresmailowy",
        "poczta", "pocztaemail", "emailprincipal", "emailaddr", "emails",
    ]),
    (Field::Phone, &[
        "phone", "telephone", "tel", "phonenumber", "telefono", "telefonos", "telefone", "telefon",
        "numertelefonu", "nrtelefonu", "fijo", "telefonofijo", "landline", "homephone",
        "workphone", "fone", "numerodetelefono", "numerotelefono", "businessphone",
    ]),
    (Field::Mobile, &[
        "mobile", "mobilephone", "cell", "cellphone", "celular", "movil", "telefonomovil",
        "telefonocelular", "telemovel", "telefonkomorkowy", "komorka", "komorkowy", "whatsapp",
        "mobilenumber", "numerocelular", "cel",
    ]),
    (Field::Tags, &[
        "tags", "tag", "labels", "label", "etiquetas", "etiqueta", "tagi", "etykiety", "etykieta",
    ]),
    (Field::Agent, &[
        "agent", "agentemail", "owner", "owneremail", "assignedto", "salesrep", "agente",
        "asesor", "vendedor", "responsable", "ejecutivo", "responsavel", "consultor", "opiekun",
        "handlowiec", "przypisanydo", "accountowner", "contactowner",
    ]),
    (Field::IdType, &[
        "idtype", "documenttype", "doctype", "tipodocumento", "tipodedocumento", "tipodoc",
        "tipoid", "tipoidentificacion", "tipodeidentificacion", "rodzajdokumentu",
        "typdokumentu", "identificationtype",
    ]),
    (Field::IdNumber, &[
        "idnumber", "documentnumber", "document", "docnumber", "nationalid", "taxid",
        "numerodocumento", "numerodedocumento", "numerodoc", "ndocumento", "nrodocumento",
        "nodocumento", "documento", "identificacion", "numeroidentificacion",
        "numerodeidentificacion", "cedula", "nit", "ruc", "rut", "dni", "cpf", "cnpj", "cuit",
        "cuil", "curp", "rfc", "pesel", "nip", "nif", "nie", "numerdokumentu",
        "identification", "ceduladeruc", "cpfcnpj",
    ]),
    (Field::CustomerType, &[
        "customertype", "type", "tipocliente", "tipodecliente", "tipo", "tipopersona",
        "tipodepersona", "typklienta", "clienttype", "accounttype", "personeria",
    ]),
    (Field::Status, &[
        "status", "estado", "estatus", "situacao", "statusklienta", "leadstatus", "customerstatus",
    ]),
    (Field::Company, &[
        "company", "companyname", "organization", "organisation", "empresa", "razonsocial",
        "compania", "companhia", "firma", "nazwafirmy", "account", "accountname", "business",
        "negocio", "organizacion", "nombreempresa", "nomedaempresa",
    ]),
    (Field::Address, &[
        "address", "street", "streetaddress", "address1", "addressline1", "direccion",
        "domicilio", "endereco", "logradouro", "adres", "ulica", "calle", "rua",
    ]),
    (Field::AddressDetail, &[
        "address2", "addressline2", "addressdetail", "apartment", "apt", "suite", "referencia",
        "complemento", "detalledireccion", "piso", "departamento2", "mieszkanie", "lokal",
        "numerolokalu",
    ]),
    (Field::City, &[
        "city", "town", "ciudad", "cidade", "miasto", "municipio", "localidad", "miejscowosc",
        "canton",
    ]),
    (Field::State, &[
        "state", "province", "region", "provincia", "departamento", "uf", "estadoprovincia",
        "wojewodztwo", "county", "stateprovince",
    ]),
    (Field::Zip, &[
        "zip", "zipcode", "postalcode", "postcode", "codigopostal", "cep", "kodpocztowy", "cp",
        "codpostal",
    ]),
    (Field::CountryCode, &[
        "country", "countrycode", "pais", "codigopais", "kraj", "countryiso", "paiscodigo",
        "nacionalidad",
    ]),
    (Field::Notes, &[
        "notes", "note", "comments", "comment", "notas", "nota", "observaciones", "observacion",
        "observacoes", "comentarios", "uwagi", "notatki", "description", "descripcion",
        "descricao", "opis",
    ]),
    (Field::Social, &[
        "social", "socialmedia", "instagram", "facebook", "twitter", "linkedin", "redsocial",
        "redessociales", "redesociais", "tiktok", "handle", "usuario", "profil",
    ]),
];

/// Every (synonym, field) pair.
pub fn all() -> impl Iterator<Item = (&'static str, Field)> {
    SYNONYMS
        .iter()
        .flat_map(|(field, words)| words.iter().map(move |word| (*word, *field)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::compact;

    #[test]
    fn no_synonym_is_claimed_by_two_fields() {
        let mut seen = std::collections::BTreeMap::new();
        for (word, field) in all() {
            if let Some(other) = seen.insert(word, field) {
                panic!("{word} means both {other} and {field}");
            }
        }
    }

    #[test]
    fn synonyms_are_written_compact() {
        for (word, _) in all() {
            assert_eq!(compact(word), word);
        }
    }
}
